using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class SupplyChainFacilitiesAndLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Facilities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OperatorOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    OsId = table.Column<string>(type: "character varying(15)", maxLength: 15, nullable: true),
                    Sector = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProductTypes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ProcessingTypes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    WorkersWomen = table.Column<int>(type: "integer", nullable: true),
                    WorkersMen = table.Column<int>(type: "integer", nullable: true),
                    WorkersTotal = table.Column<int>(type: "integer", nullable: true),
                    ParentCompany = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Facilities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Facilities_Organisations_OperatorOrganisationId",
                        column: x => x.OperatorOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SupplyLinks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    BuyerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Tier = table.Column<int>(type: "integer", nullable: false),
                    Process = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Product = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartDate = table.Column<DateOnly>(type: "date", nullable: false),
                    EndDate = table.Column<DateOnly>(type: "date", nullable: true),
                    ShareOfOutputPercent = table.Column<decimal>(type: "numeric(5,2)", precision: 5, scale: 2, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SupplyLinks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SupplyLinks_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SupplyLinks_Organisations_BuyerOrganisationId",
                        column: x => x.BuyerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_CountryCode_Name",
                table: "Facilities",
                columns: new[] { "CountryCode", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_OperatorOrganisationId",
                table: "Facilities",
                column: "OperatorOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Facilities_OsId",
                table: "Facilities",
                column: "OsId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_BuyerOrganisationId_FacilityId_StartDate",
                table: "SupplyLinks",
                columns: new[] { "BuyerOrganisationId", "FacilityId", "StartDate" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_FacilityId",
                table: "SupplyLinks",
                column: "FacilityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SupplyLinks");

            migrationBuilder.DropTable(
                name: "Facilities");
        }
    }
}
