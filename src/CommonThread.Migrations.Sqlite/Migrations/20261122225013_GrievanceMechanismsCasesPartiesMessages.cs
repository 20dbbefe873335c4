using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class GrievanceMechanismsCasesPartiesMessages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GrievanceMechanisms",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AcknowledgeWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    FeedbackWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    RetainClosedCasesDays = table.Column<int>(type: "INTEGER", nullable: false),
                    ClosingNeedsAgreementOf = table.Column<int>(type: "INTEGER", nullable: false),
                    MediatorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ProcedureNotes = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrievanceMechanisms", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrievanceMechanisms_Organisations_MediatorOrganisationId",
                        column: x => x.MediatorOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrievanceMechanisms_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrievanceCases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MechanismId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ReceiptHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    SubmissionHash = table.Column<byte[]>(type: "BLOB", maxLength: 32, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Anonymous = table.Column<bool>(type: "INTEGER", nullable: false),
                    Urgent = table.Column<bool>(type: "INTEGER", nullable: false),
                    RelatedCaseId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ReporterGender = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    ReceivedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgeBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FeedbackBy = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    AcknowledgedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    FirstFeedbackOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ClosedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WrappedKey = table.Column<byte[]>(type: "BLOB", nullable: false),
                    Report = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ReporterIdentity = table.Column<byte[]>(type: "BLOB", nullable: true),
                    IdentityVisibleTo = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrievanceCases", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrievanceCases_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrievanceCases_GrievanceCases_RelatedCaseId",
                        column: x => x.RelatedCaseId,
                        principalTable: "GrievanceCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrievanceCases_GrievanceMechanisms_MechanismId",
                        column: x => x.MechanismId,
                        principalTable: "GrievanceMechanisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "GrievanceChannels",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    MechanismId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    Active = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GrievanceChannels", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GrievanceChannels_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GrievanceChannels_GrievanceMechanisms_MechanismId",
                        column: x => x.MechanismId,
                        principalTable: "GrievanceMechanisms",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AuthorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    AuthorUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    AuthorRole = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    On = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Sequence = table.Column<int>(type: "INTEGER", nullable: false),
                    NewStatus = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    Body = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseMessages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseMessages_GrievanceCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "GrievanceCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Role = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AgreedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseParties_GrievanceCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "GrievanceCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CaseParties_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CaseRecusals",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CaseId = table.Column<Guid>(type: "TEXT", nullable: false),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CaseRecusals", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CaseRecusals_GrievanceCases_CaseId",
                        column: x => x.CaseId,
                        principalTable: "GrievanceCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CaseMessages_CaseId_Sequence",
                table: "CaseMessages",
                columns: new[] { "CaseId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseParties_CaseId_OrganisationId",
                table: "CaseParties",
                columns: new[] { "CaseId", "OrganisationId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CaseParties_OrganisationId",
                table: "CaseParties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CaseRecusals_CaseId_UserId",
                table: "CaseRecusals",
                columns: new[] { "CaseId", "UserId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceCases_FacilityId",
                table: "GrievanceCases",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceCases_MechanismId_Status",
                table: "GrievanceCases",
                columns: new[] { "MechanismId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceCases_ReceiptHash",
                table: "GrievanceCases",
                column: "ReceiptHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceCases_Reference",
                table: "GrievanceCases",
                column: "Reference",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceCases_RelatedCaseId",
                table: "GrievanceCases",
                column: "RelatedCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceCases_SubmissionHash",
                table: "GrievanceCases",
                column: "SubmissionHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceChannels_Code",
                table: "GrievanceChannels",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceChannels_FacilityId",
                table: "GrievanceChannels",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceChannels_MechanismId",
                table: "GrievanceChannels",
                column: "MechanismId");

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceMechanisms_MediatorOrganisationId",
                table: "GrievanceMechanisms",
                column: "MediatorOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_GrievanceMechanisms_OrganisationId",
                table: "GrievanceMechanisms",
                column: "OrganisationId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CaseMessages");

            migrationBuilder.DropTable(
                name: "CaseParties");

            migrationBuilder.DropTable(
                name: "CaseRecusals");

            migrationBuilder.DropTable(
                name: "GrievanceChannels");

            migrationBuilder.DropTable(
                name: "GrievanceCases");

            migrationBuilder.DropTable(
                name: "GrievanceMechanisms");
        }
    }
}
