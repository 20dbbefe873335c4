using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AuditsAndCorrectivePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Audits",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    RecordedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Standard = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Auditor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    StartedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ReportFileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: true),
                    Report = table.Column<byte[]>(type: "bytea", nullable: true),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Audits", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Audits_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_Audits_Organisations_RecordedByOrganisationId",
                        column: x => x.RecordedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveActionPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditId = table.Column<Guid>(type: "uuid", nullable: true),
                    SupplierOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FollowedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveActionPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectiveActionPlans_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CorrectiveActionPlans_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CorrectiveActionPlans_Organisations_FollowedByOrganisationId",
                        column: x => x.FollowedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CorrectiveActionPlans_Organisations_SupplierOrganisationId",
                        column: x => x.SupplierOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "NonConformities",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    AuditId = table.Column<Guid>(type: "uuid", nullable: false),
                    Finding = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Severity = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Clause = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_NonConformities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_NonConformities_Audits_AuditId",
                        column: x => x.AuditId,
                        principalTable: "Audits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    UnionOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Categories = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    InvitedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanInvitations_CorrectiveActionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CorrectiveActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanInvitations_Organisations_UnionOrganisationId",
                        column: x => x.UnionOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    PlanId = table.Column<Guid>(type: "uuid", nullable: false),
                    NonConformityId = table.Column<Guid>(type: "uuid", nullable: true),
                    Category = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Progress = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Verified = table.Column<bool>(type: "boolean", nullable: true),
                    VerifiedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    VerifiedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_CorrectiveActionPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "CorrectiveActionPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CorrectiveActions_NonConformities_NonConformityId",
                        column: x => x.NonConformityId,
                        principalTable: "NonConformities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CorrectiveEvidence",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(255)", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CorrectiveEvidence", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CorrectiveEvidence_CorrectiveActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "CorrectiveActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "PlanComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ActionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Text = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PlanComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PlanComments_CorrectiveActions_ActionId",
                        column: x => x.ActionId,
                        principalTable: "CorrectiveActions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_PlanComments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Audits_FacilityId",
                table: "Audits",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Audits_RecordedByOrganisationId",
                table: "Audits",
                column: "RecordedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActionPlans_AuditId",
                table: "CorrectiveActionPlans",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActionPlans_FacilityId",
                table: "CorrectiveActionPlans",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActionPlans_FollowedByOrganisationId",
                table: "CorrectiveActionPlans",
                column: "FollowedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActionPlans_SupplierOrganisationId",
                table: "CorrectiveActionPlans",
                column: "SupplierOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_NonConformityId",
                table: "CorrectiveActions",
                column: "NonConformityId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveActions_PlanId",
                table: "CorrectiveActions",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_CorrectiveEvidence_ActionId",
                table: "CorrectiveEvidence",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_NonConformities_AuditId",
                table: "NonConformities",
                column: "AuditId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanComments_ActionId",
                table: "PlanComments",
                column: "ActionId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanComments_OrganisationId",
                table: "PlanComments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PlanInvitations_PlanId_UnionOrganisationId",
                table: "PlanInvitations",
                columns: new[] { "PlanId", "UnionOrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PlanInvitations_UnionOrganisationId",
                table: "PlanInvitations",
                column: "UnionOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CorrectiveEvidence");

            migrationBuilder.DropTable(
                name: "PlanComments");

            migrationBuilder.DropTable(
                name: "PlanInvitations");

            migrationBuilder.DropTable(
                name: "CorrectiveActions");

            migrationBuilder.DropTable(
                name: "CorrectiveActionPlans");

            migrationBuilder.DropTable(
                name: "NonConformities");

            migrationBuilder.DropTable(
                name: "Audits");
        }
    }
}
