using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ConfirmedRelationships : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "DecidedOn",
                table: "SupplyLinks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "NamedBySupplier",
                table: "SupplyLinks",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<Guid>(
                name: "SourceImportId",
                table: "SupplyLinks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "SourceRowNumber",
                table: "SupplyLinks",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "SupplyLinks",
                type: "TEXT",
                maxLength: 12,
                nullable: false,
                defaultValue: "Pending");

            migrationBuilder.AddColumn<Guid>(
                name: "AddedByOrganisationId",
                table: "CaseParties",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "AddedOn",
                table: "CaseParties",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "UnionPresences",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnionOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Claim = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    ClaimedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    VerifiedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    EvidenceSeen = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    VerifierNote = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UnionPresences", x => x.Id);
                    table.ForeignKey(
                        name: "FK_UnionPresences_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnionPresences_Organisations_UnionOrganisationId",
                        column: x => x.UnionOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_UnionPresences_Organisations_VerifiedByOrganisationId",
                        column: x => x.VerifiedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_FacilityId_Status",
                table: "SupplyLinks",
                columns: new[] { "FacilityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_SourceImportId",
                table: "SupplyLinks",
                column: "SourceImportId");

            migrationBuilder.CreateIndex(
                name: "IX_UnionPresences_FacilityId_Status",
                table: "UnionPresences",
                columns: new[] { "FacilityId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_UnionPresences_UnionOrganisationId_Status",
                table: "UnionPresences",
                columns: new[] { "UnionOrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_UnionPresences_VerifiedByOrganisationId",
                table: "UnionPresences",
                column: "VerifiedByOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "UnionPresences");

            migrationBuilder.DropIndex(
                name: "IX_SupplyLinks_FacilityId_Status",
                table: "SupplyLinks");

            migrationBuilder.DropIndex(
                name: "IX_SupplyLinks_SourceImportId",
                table: "SupplyLinks");

            migrationBuilder.DropColumn(
                name: "DecidedOn",
                table: "SupplyLinks");

            migrationBuilder.DropColumn(
                name: "NamedBySupplier",
                table: "SupplyLinks");

            migrationBuilder.DropColumn(
                name: "SourceImportId",
                table: "SupplyLinks");

            migrationBuilder.DropColumn(
                name: "SourceRowNumber",
                table: "SupplyLinks");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "SupplyLinks");

            migrationBuilder.DropColumn(
                name: "AddedByOrganisationId",
                table: "CaseParties");

            migrationBuilder.DropColumn(
                name: "AddedOn",
                table: "CaseParties");
        }
    }
}
