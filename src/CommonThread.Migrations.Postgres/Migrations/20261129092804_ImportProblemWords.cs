using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ImportProblemWords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "MessageArguments",
                table: "FacilityImportRowResults",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageColumn",
                table: "FacilityImportRowResults",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageTemplate",
                table: "FacilityImportRowResults",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageArguments",
                table: "FacilityImportProblems",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageTemplate",
                table: "FacilityImportProblems",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MessageArguments",
                table: "FacilityImportRowResults");

            migrationBuilder.DropColumn(
                name: "MessageColumn",
                table: "FacilityImportRowResults");

            migrationBuilder.DropColumn(
                name: "MessageTemplate",
                table: "FacilityImportRowResults");

            migrationBuilder.DropColumn(
                name: "MessageArguments",
                table: "FacilityImportProblems");

            migrationBuilder.DropColumn(
                name: "MessageTemplate",
                table: "FacilityImportProblems");
        }
    }
}
