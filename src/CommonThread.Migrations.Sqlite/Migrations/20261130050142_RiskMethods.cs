using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class RiskMethods : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RiskMethods",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PublisherOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Version = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    About = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Weights = table.Column<string>(type: "TEXT", nullable: false),
                    PublishedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskMethods", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskMethods_Organisations_PublisherOrganisationId",
                        column: x => x.PublisherOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskMethodChoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    MethodId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ChosenAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskMethodChoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskMethodChoices_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskMethodChoices_RiskMethods_MethodId",
                        column: x => x.MethodId,
                        principalTable: "RiskMethods",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskMethodChoices_MethodId",
                table: "RiskMethodChoices",
                column: "MethodId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskMethodChoices_OrganisationId",
                table: "RiskMethodChoices",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskMethods_PublisherOrganisationId_Name_Version",
                table: "RiskMethods",
                columns: new[] { "PublisherOrganisationId", "Name", "Version" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RiskMethodChoices");

            migrationBuilder.DropTable(
                name: "RiskMethods");
        }
    }
}
