using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FoaFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "FoaFacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Present = table.Column<bool>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Federation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    NationalCentre = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    GlobalFederation = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Members = table.Column<int>(type: "INTEGER", nullable: true),
                    RecognisedByManagement = table.Column<bool>(type: "INTEGER", nullable: true),
                    Elected = table.Column<bool>(type: "INTEGER", nullable: true),
                    Since = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Expires = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CoveredWorkers = table.Column<int>(type: "INTEGER", nullable: true),
                    Contact = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UnionOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RecordedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoaFacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FoaFacts_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FoaFacts_Organisations_RecordedByOrganisationId",
                        column: x => x.RecordedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FoaFacts_Organisations_UnionOrganisationId",
                        column: x => x.UnionOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FoaFacts_FacilityId_Kind",
                table: "FoaFacts",
                columns: new[] { "FacilityId", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_FoaFacts_RecordedByOrganisationId",
                table: "FoaFacts",
                column: "RecordedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FoaFacts_UnionOrganisationId",
                table: "FoaFacts",
                column: "UnionOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FoaFacts");
        }
    }
}
