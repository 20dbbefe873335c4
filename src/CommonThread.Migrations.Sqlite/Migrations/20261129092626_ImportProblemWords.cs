using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageColumn",
                table: "FacilityImportRowResults",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageTemplate",
                table: "FacilityImportRowResults",
                type: "TEXT",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageArguments",
                table: "FacilityImportProblems",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "MessageTemplate",
                table: "FacilityImportProblems",
                type: "TEXT",
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
