using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class EngagementLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "EngagementRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Raised = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    Done = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    ImpactId = table.Column<Guid>(type: "uuid", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementRecords_AdverseImpacts_ImpactId",
                        column: x => x.ImpactId,
                        principalTable: "AdverseImpacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_EngagementRecords_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "EngagementComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementComments_EngagementRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "EngagementRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EngagementComments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EngagementParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EngagementParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EngagementParties_EngagementRecords_RecordId",
                        column: x => x.RecordId,
                        principalTable: "EngagementRecords",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_EngagementParties_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_EngagementComments_OrganisationId",
                table: "EngagementComments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementComments_RecordId",
                table: "EngagementComments",
                column: "RecordId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementParties_OrganisationId",
                table: "EngagementParties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementParties_RecordId_OrganisationId",
                table: "EngagementParties",
                columns: new[] { "RecordId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRecords_ImpactId",
                table: "EngagementRecords",
                column: "ImpactId");

            migrationBuilder.CreateIndex(
                name: "IX_EngagementRecords_OwnerOrganisationId",
                table: "EngagementRecords",
                column: "OwnerOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "EngagementComments");

            migrationBuilder.DropTable(
                name: "EngagementParties");

            migrationBuilder.DropTable(
                name: "EngagementRecords");
        }
    }
}
