using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class DueDiligencePlans : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RiskPlans",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImpactId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Template = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPlans", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskPlans_AdverseImpacts_ImpactId",
                        column: x => x.ImpactId,
                        principalTable: "AdverseImpacts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskPlans_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskPlanComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPlanComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskPlanComments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RiskPlanComments_RiskPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "RiskPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskPlanGoals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Goal = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    GoalTemplate = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Indicator = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IndicatorTemplate = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Target = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Progress = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPlanGoals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskPlanGoals_RiskPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "RiskPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskPlanReviewers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    PlanId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UnionOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    InvitedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPlanReviewers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskPlanReviewers_Organisations_UnionOrganisationId",
                        column: x => x.UnionOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RiskPlanReviewers_RiskPlans_PlanId",
                        column: x => x.PlanId,
                        principalTable: "RiskPlans",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "RiskPlanMeasurements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GoalId = table.Column<Guid>(type: "TEXT", nullable: false),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RiskPlanMeasurements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RiskPlanMeasurements_RiskPlanGoals_GoalId",
                        column: x => x.GoalId,
                        principalTable: "RiskPlanGoals",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlanComments_OrganisationId",
                table: "RiskPlanComments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlanComments_PlanId",
                table: "RiskPlanComments",
                column: "PlanId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlanGoals_PlanId_Number",
                table: "RiskPlanGoals",
                columns: new[] { "PlanId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlanMeasurements_GoalId",
                table: "RiskPlanMeasurements",
                column: "GoalId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlanReviewers_PlanId_UnionOrganisationId",
                table: "RiskPlanReviewers",
                columns: new[] { "PlanId", "UnionOrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlanReviewers_UnionOrganisationId",
                table: "RiskPlanReviewers",
                column: "UnionOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlans_ImpactId",
                table: "RiskPlans",
                column: "ImpactId");

            migrationBuilder.CreateIndex(
                name: "IX_RiskPlans_OwnerOrganisationId",
                table: "RiskPlans",
                column: "OwnerOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RiskPlanComments");

            migrationBuilder.DropTable(
                name: "RiskPlanMeasurements");

            migrationBuilder.DropTable(
                name: "RiskPlanReviewers");

            migrationBuilder.DropTable(
                name: "RiskPlanGoals");

            migrationBuilder.DropTable(
                name: "RiskPlans");
        }
    }
}
