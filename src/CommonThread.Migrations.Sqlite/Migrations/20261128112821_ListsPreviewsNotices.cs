using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ListsPreviewsNotices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Arguments",
                table: "Notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Template",
                table: "Notifications",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReporterSatisfied",
                table: "GrievanceCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "PlannedAt",
                table: "FacilityImports",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FacilityImportRowResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    SameAsRow = table.Column<int>(type: "INTEGER", nullable: true),
                    Confidence = table.Column<double>(type: "REAL", nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    EvidenceJson = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacilityImportRowResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FacilityImportRowResults_FacilityImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "FacilityImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FacilityImportRowResults_ImportId_Outcome_Row",
                table: "FacilityImportRowResults",
                columns: new[] { "ImportId", "Outcome", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_FacilityImportRowResults_ImportId_Row",
                table: "FacilityImportRowResults",
                columns: new[] { "ImportId", "Row" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FacilityImportRowResults");

            migrationBuilder.DropColumn(
                name: "Arguments",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "Template",
                table: "Notifications");

            migrationBuilder.DropColumn(
                name: "ReporterSatisfied",
                table: "GrievanceCases");

            migrationBuilder.DropColumn(
                name: "PlannedAt",
                table: "FacilityImports");
        }
    }
}
