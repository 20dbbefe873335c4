using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class DueDiligenceRegister : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "C105Ratified",
                table: "CountryContexts",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "C138Ratified",
                table: "CountryContexts",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "C155Ratified",
                table: "CountryContexts",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "C182Ratified",
                table: "CountryContexts",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "C187Ratified",
                table: "CountryContexts",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "C190Ratified",
                table: "CountryContexts",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "C29Ratified",
                table: "CountryContexts",
                type: "character varying(4)",
                maxLength: 4,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sources",
                table: "CountryContexts",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdverseImpacts",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: true),
                    CountryCode = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    Issue = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Nature = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Scale = table.Column<int>(type: "integer", nullable: false),
                    Scope = table.Column<int>(type: "integer", nullable: false),
                    Irremediability = table.Column<int>(type: "integer", nullable: false),
                    Likelihood = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    EvidenceKey = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: true),
                    Evidence = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    EvidenceTemplate = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    EvidenceArguments = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    RaisedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AssessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdverseImpacts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AdverseImpacts_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AdverseImpacts_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImpactComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ImpactId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImpactComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImpactComments_AdverseImpacts_ImpactId",
                        column: x => x.ImpactId,
                        principalTable: "AdverseImpacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ImpactComments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdverseImpacts_FacilityId",
                table: "AdverseImpacts",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_AdverseImpacts_OwnerOrganisationId_EvidenceKey",
                table: "AdverseImpacts",
                columns: new[] { "OwnerOrganisationId", "EvidenceKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ImpactComments_ImpactId",
                table: "ImpactComments",
                column: "ImpactId");

            migrationBuilder.CreateIndex(
                name: "IX_ImpactComments_OrganisationId",
                table: "ImpactComments",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ImpactComments");

            migrationBuilder.DropTable(
                name: "AdverseImpacts");

            migrationBuilder.DropColumn(
                name: "C105Ratified",
                table: "CountryContexts");

            migrationBuilder.DropColumn(
                name: "C138Ratified",
                table: "CountryContexts");

            migrationBuilder.DropColumn(
                name: "C155Ratified",
                table: "CountryContexts");

            migrationBuilder.DropColumn(
                name: "C182Ratified",
                table: "CountryContexts");

            migrationBuilder.DropColumn(
                name: "C187Ratified",
                table: "CountryContexts");

            migrationBuilder.DropColumn(
                name: "C190Ratified",
                table: "CountryContexts");

            migrationBuilder.DropColumn(
                name: "C29Ratified",
                table: "CountryContexts");

            migrationBuilder.DropColumn(
                name: "Sources",
                table: "CountryContexts");
        }
    }
}
