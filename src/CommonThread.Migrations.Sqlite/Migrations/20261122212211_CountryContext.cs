using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CountryContext : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CountryContexts",
                columns: table => new
                {
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Country = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    ItucRating = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    ItucYear = table.Column<int>(type: "INTEGER", nullable: true),
                    ItucNote = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    C87Ratified = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    C98Ratified = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    C177Ratified = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    UpdatedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CountryContexts", x => x.CountryCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CountryContexts");
        }
    }
}
