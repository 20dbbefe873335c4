using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Accountability : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Agreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    DocumentFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Document = table.Column<byte[]>(type: "BLOB", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Agreements_Organisations_CreatedByOrganisationId",
                        column: x => x.CreatedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorFrameworks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OwnerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorFrameworks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorFrameworks_Organisations_OwnerOrganisationId",
                        column: x => x.OwnerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PaymentRecords",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrderReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    InvoiceReference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 18, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    AgreedTermsDays = table.Column<int>(type: "INTEGER", nullable: false),
                    InvoiceDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PaidDate = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PaymentRecords", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PaymentRecords_Organisations_BrandOrganisationId",
                        column: x => x.BrandOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentRecords_Organisations_RecordedByOrganisationId",
                        column: x => x.RecordedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PaymentRecords_Organisations_SupplierOrganisationId",
                        column: x => x.SupplierOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AgreementParties",
                columns: table => new
                {
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Accountable = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgreementParties", x => new { x.AgreementId, x.OrganisationId });
                    table.ForeignKey(
                        name: "FK_AgreementParties_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AgreementParties_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Commitments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Commitments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Commitments_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Indicators",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Commitment = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Unit = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Direction = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Target = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: true),
                    ScaleMax = table.Column<int>(type: "INTEGER", nullable: true),
                    EvidenceRequired = table.Column<bool>(type: "INTEGER", nullable: false),
                    Order = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Indicators", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Indicators_IndicatorFrameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "IndicatorFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MonitoringRounds",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    InitiativeOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FrameworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    PeriodStart = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PeriodEnd = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReportsDueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackClosesOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    MinimumResponses = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleasedCycle = table.Column<int>(type: "INTEGER", nullable: false),
                    ReleasedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MonitoringRounds", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MonitoringRounds_IndicatorFrameworks_FrameworkId",
                        column: x => x.FrameworkId,
                        principalTable: "IndicatorFrameworks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_MonitoringRounds_Organisations_InitiativeOrganisationId",
                        column: x => x.InitiativeOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CommitmentComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CommitmentId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CommitmentComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CommitmentComments_Commitments_CommitmentId",
                        column: x => x.CommitmentId,
                        principalTable: "Commitments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CommitmentComments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackComments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    Flags = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    Cleared = table.Column<bool>(type: "INTEGER", nullable: false),
                    InBatch = table.Column<bool>(type: "INTEGER", nullable: false),
                    ReleasedInCycle = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackComments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackComments_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackComments_Organisations_BrandOrganisationId",
                        column: x => x.BrandOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackInvitations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SupplierOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Answered = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackInvitations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackInvitations_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackInvitations_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackInvitations_Organisations_BrandOrganisationId",
                        column: x => x.BrandOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FeedbackInvitations_Organisations_SupplierOrganisationId",
                        column: x => x.SupplierOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackResponses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SelfAssessment = table.Column<bool>(type: "INTEGER", nullable: false),
                    Overall = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResponses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackResponses_Organisations_BrandOrganisationId",
                        column: x => x.BrandOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackResults",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackResults", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FeedbackResults_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FeedbackResults_Organisations_BrandOrganisationId",
                        column: x => x.BrandOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RoundParticipants",
                columns: table => new
                {
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RoundParticipants", x => new { x.RoundId, x.BrandOrganisationId });
                    table.ForeignKey(
                        name: "FK_RoundParticipants_MonitoringRounds_RoundId",
                        column: x => x.RoundId,
                        principalTable: "MonitoringRounds",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_RoundParticipants_Organisations_BrandOrganisationId",
                        column: x => x.BrandOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RoundParticipants_Organisations_ReviewerOrganisationId",
                        column: x => x.ReviewerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FeedbackScores",
                columns: table => new
                {
                    ResponseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedbackScores", x => new { x.ResponseId, x.Category });
                    table.ForeignKey(
                        name: "FK_FeedbackScores_FeedbackResponses_ResponseId",
                        column: x => x.ResponseId,
                        principalTable: "FeedbackResponses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "IndicatorReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RoundId = table.Column<Guid>(type: "TEXT", nullable: false),
                    BrandOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IndicatorId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Value = table.Column<double>(type: "REAL", precision: 18, scale: 4, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    EvidenceFileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: true),
                    Evidence = table.Column<byte[]>(type: "BLOB", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ReviewedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IndicatorReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_IndicatorReports_Indicators_IndicatorId",
                        column: x => x.IndicatorId,
                        principalTable: "Indicators",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_IndicatorReports_RoundParticipants_RoundId_BrandOrganisationId",
                        columns: x => new { x.RoundId, x.BrandOrganisationId },
                        principalTable: "RoundParticipants",
                        principalColumns: new[] { "RoundId", "BrandOrganisationId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportMessages_IndicatorReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "IndicatorReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportMessages_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AgreementParties_OrganisationId",
                table: "AgreementParties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_CreatedByOrganisationId",
                table: "Agreements",
                column: "CreatedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentComments_CommitmentId",
                table: "CommitmentComments",
                column: "CommitmentId");

            migrationBuilder.CreateIndex(
                name: "IX_CommitmentComments_OrganisationId",
                table: "CommitmentComments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_Commitments_AgreementId_Number",
                table: "Commitments",
                columns: new[] { "AgreementId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackComments_BrandOrganisationId",
                table: "FeedbackComments",
                column: "BrandOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackComments_RoundId_BrandOrganisationId",
                table: "FeedbackComments",
                columns: new[] { "RoundId", "BrandOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackInvitations_BrandOrganisationId",
                table: "FeedbackInvitations",
                column: "BrandOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackInvitations_FacilityId",
                table: "FeedbackInvitations",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackInvitations_RoundId_BrandOrganisationId_FacilityId",
                table: "FeedbackInvitations",
                columns: new[] { "RoundId", "BrandOrganisationId", "FacilityId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackInvitations_SupplierOrganisationId",
                table: "FeedbackInvitations",
                column: "SupplierOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_BrandOrganisationId",
                table: "FeedbackResponses",
                column: "BrandOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResponses_RoundId_BrandOrganisationId",
                table: "FeedbackResponses",
                columns: new[] { "RoundId", "BrandOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResults_BrandOrganisationId",
                table: "FeedbackResults",
                column: "BrandOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_FeedbackResults_RoundId_BrandOrganisationId",
                table: "FeedbackResults",
                columns: new[] { "RoundId", "BrandOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorFrameworks_OwnerOrganisationId",
                table: "IndicatorFrameworks",
                column: "OwnerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorReports_IndicatorId",
                table: "IndicatorReports",
                column: "IndicatorId");

            migrationBuilder.CreateIndex(
                name: "IX_IndicatorReports_RoundId_BrandOrganisationId_IndicatorId",
                table: "IndicatorReports",
                columns: new[] { "RoundId", "BrandOrganisationId", "IndicatorId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Indicators_FrameworkId_Code",
                table: "Indicators",
                columns: new[] { "FrameworkId", "Code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRounds_FrameworkId",
                table: "MonitoringRounds",
                column: "FrameworkId");

            migrationBuilder.CreateIndex(
                name: "IX_MonitoringRounds_InitiativeOrganisationId",
                table: "MonitoringRounds",
                column: "InitiativeOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRecords_BrandOrganisationId_InvoiceDate",
                table: "PaymentRecords",
                columns: new[] { "BrandOrganisationId", "InvoiceDate" });

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRecords_RecordedByOrganisationId_BrandOrganisationId_SupplierOrganisationId_InvoiceReference",
                table: "PaymentRecords",
                columns: new[] { "RecordedByOrganisationId", "BrandOrganisationId", "SupplierOrganisationId", "InvoiceReference" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_PaymentRecords_SupplierOrganisationId",
                table: "PaymentRecords",
                column: "SupplierOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportMessages_OrganisationId",
                table: "ReportMessages",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportMessages_ReportId",
                table: "ReportMessages",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_BrandOrganisationId",
                table: "RoundParticipants",
                column: "BrandOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RoundParticipants_ReviewerOrganisationId",
                table: "RoundParticipants",
                column: "ReviewerOrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AgreementParties");

            migrationBuilder.DropTable(
                name: "CommitmentComments");

            migrationBuilder.DropTable(
                name: "FeedbackComments");

            migrationBuilder.DropTable(
                name: "FeedbackInvitations");

            migrationBuilder.DropTable(
                name: "FeedbackResults");

            migrationBuilder.DropTable(
                name: "FeedbackScores");

            migrationBuilder.DropTable(
                name: "PaymentRecords");

            migrationBuilder.DropTable(
                name: "ReportMessages");

            migrationBuilder.DropTable(
                name: "Commitments");

            migrationBuilder.DropTable(
                name: "FeedbackResponses");

            migrationBuilder.DropTable(
                name: "IndicatorReports");

            migrationBuilder.DropTable(
                name: "Agreements");

            migrationBuilder.DropTable(
                name: "Indicators");

            migrationBuilder.DropTable(
                name: "RoundParticipants");

            migrationBuilder.DropTable(
                name: "MonitoringRounds");

            migrationBuilder.DropTable(
                name: "IndicatorFrameworks");
        }
    }
}
