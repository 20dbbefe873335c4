using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommonThread.Migrations.Postgres.Migrations
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
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Template",
                table: "Notifications",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ReporterSatisfied",
                table: "GrievanceCases",
                type: "boolean",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PlannedAt",
                table: "FacilityImports",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FacilityImportRowResults",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    SameAsRow = table.Column<int>(type: "integer", nullable: true),
                    Confidence = table.Column<double>(type: "double precision", nullable: true),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    EvidenceJson = table.Column<string>(type: "text", nullable: true)
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
