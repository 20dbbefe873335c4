using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class Homework : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<double>(
                name: "ShareOfOutputPercent",
                table: "SupplyLinks",
                type: "REAL",
                precision: 5,
                scale: 2,
                nullable: true,
                oldClrType: typeof(decimal),
                oldType: "TEXT",
                oldPrecision: 5,
                oldScale: 2,
                oldNullable: true);

            migrationBuilder.CreateTable(
                name: "Intermediaries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ParentIntermediaryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    IsOrganisation = table.Column<bool>(type: "INTEGER", nullable: false),
                    LicenceNumber = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    LicenceExpires = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PreQualification = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PreQualifiedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ChecklistMet = table.Column<string>(type: "TEXT", nullable: false),
                    ContractStart = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractEnd = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContractDocument = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    TrainedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Intermediaries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Intermediaries_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Intermediaries_Intermediaries_ParentIntermediaryId",
                        column: x => x.ParentIntermediaryId,
                        principalTable: "Intermediaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Intermediaries_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MinimumWages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    HourlyRate = table.Column<double>(type: "REAL", precision: 14, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    RecordedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MinimumWages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MinimumWages_Organisations_RecordedByOrganisationId",
                        column: x => x.RecordedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "Homeworkers",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    IntermediaryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Gender = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    BirthDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ProofOfAge = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ProofOfAgeCheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Area = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    Region = table.Column<string>(type: "TEXT", maxLength: 80, nullable: true),
                    Phone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    Skills = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    RegisteredOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    SocialSecurity = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    SocialSecurityNumber = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    TrainingReceived = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    PotableWater = table.Column<bool>(type: "INTEGER", nullable: false),
                    AdequateLighting = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProtectiveEquipment = table.Column<bool>(type: "INTEGER", nullable: false),
                    DirectEmploymentOffered = table.Column<bool>(type: "INTEGER", nullable: false),
                    MonthlyQuotaMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    PassbookCodeHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    IdentityKey = table.Column<string>(type: "TEXT", maxLength: 340, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Homeworkers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Homeworkers_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_Homeworkers_Intermediaries_IntermediaryId",
                        column: x => x.IntermediaryId,
                        principalTable: "Intermediaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Homeworkers_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "WorkOrders",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeworkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    IntermediaryId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Style = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    Operation = table.Column<string>(type: "TEXT", maxLength: 120, nullable: false),
                    PieceRate = table.Column<double>(type: "REAL", precision: 12, scale: 4, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    StandardMinutesPerPiece = table.Column<double>(type: "REAL", precision: 10, scale: 3, nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    PayWithinDays = table.Column<int>(type: "INTEGER", nullable: false),
                    EffectiveHourlyRate = table.Column<double>(type: "REAL", precision: 14, scale: 4, nullable: false),
                    MinimumHourlyWage = table.Column<double>(type: "REAL", precision: 14, scale: 4, nullable: true),
                    BelowMinimumWage = table.Column<bool>(type: "INTEGER", nullable: false),
                    Overload = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_WorkOrders", x => x.Id);
                    table.ForeignKey(
                        name: "FK_WorkOrders_Homeworkers_HomeworkerId",
                        column: x => x.HomeworkerId,
                        principalTable: "Homeworkers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrders_Intermediaries_IntermediaryId",
                        column: x => x.IntermediaryId,
                        principalTable: "Intermediaries",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_WorkOrders_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "HomeworkPayments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    HomeworkerId = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Amount = table.Column<double>(type: "REAL", precision: 14, scale: 2, nullable: false),
                    Currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    PaidOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Method = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    PaidBy = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeworkPayments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_HomeworkPayments_Homeworkers_HomeworkerId",
                        column: x => x.HomeworkerId,
                        principalTable: "Homeworkers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_HomeworkPayments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HomeworkPayments_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PieceReturns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    WorkOrderId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReturnedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    CheckedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Accepted = table.Column<int>(type: "INTEGER", nullable: false),
                    Rejected = table.Column<int>(type: "INTEGER", nullable: false),
                    RejectionReason = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PieceReturns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PieceReturns_WorkOrders_WorkOrderId",
                        column: x => x.WorkOrderId,
                        principalTable: "WorkOrders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Homeworkers_FacilityId",
                table: "Homeworkers",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Homeworkers_IntermediaryId",
                table: "Homeworkers",
                column: "IntermediaryId");

            migrationBuilder.CreateIndex(
                name: "IX_Homeworkers_OrganisationId_IdentityKey",
                table: "Homeworkers",
                columns: new[] { "OrganisationId", "IdentityKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Homeworkers_PassbookCodeHash",
                table: "Homeworkers",
                column: "PassbookCodeHash",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkPayments_HomeworkerId_PaidOn",
                table: "HomeworkPayments",
                columns: new[] { "HomeworkerId", "PaidOn" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkPayments_OrganisationId",
                table: "HomeworkPayments",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkPayments_WorkOrderId",
                table: "HomeworkPayments",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_Intermediaries_FacilityId",
                table: "Intermediaries",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_Intermediaries_OrganisationId_Name",
                table: "Intermediaries",
                columns: new[] { "OrganisationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Intermediaries_ParentIntermediaryId",
                table: "Intermediaries",
                column: "ParentIntermediaryId");

            migrationBuilder.CreateIndex(
                name: "IX_MinimumWages_CountryCode_Region_EffectiveFrom",
                table: "MinimumWages",
                columns: new[] { "CountryCode", "Region", "EffectiveFrom" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_MinimumWages_RecordedByOrganisationId",
                table: "MinimumWages",
                column: "RecordedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_PieceReturns_WorkOrderId",
                table: "PieceReturns",
                column: "WorkOrderId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_HomeworkerId_IssuedOn",
                table: "WorkOrders",
                columns: new[] { "HomeworkerId", "IssuedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_IntermediaryId",
                table: "WorkOrders",
                column: "IntermediaryId");

            migrationBuilder.CreateIndex(
                name: "IX_WorkOrders_OrganisationId",
                table: "WorkOrders",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HomeworkPayments");

            migrationBuilder.DropTable(
                name: "MinimumWages");

            migrationBuilder.DropTable(
                name: "PieceReturns");

            migrationBuilder.DropTable(
                name: "WorkOrders");

            migrationBuilder.DropTable(
                name: "Homeworkers");

            migrationBuilder.DropTable(
                name: "Intermediaries");

            migrationBuilder.AlterColumn<decimal>(
                name: "ShareOfOutputPercent",
                table: "SupplyLinks",
                type: "TEXT",
                precision: 5,
                scale: 2,
                nullable: true,
                oldClrType: typeof(double),
                oldType: "REAL",
                oldPrecision: 5,
                oldScale: 2,
                oldNullable: true);
        }
    }
}
