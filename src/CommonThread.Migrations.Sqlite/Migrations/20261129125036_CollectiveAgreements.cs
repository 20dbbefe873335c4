using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class CollectiveAgreements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CollectiveAgreements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    RecordedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    CountryCode = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Sector = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    SignedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    StartsOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ExpiresOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    WorkersCovered = table.Column<int>(type: "INTEGER", nullable: true),
                    WomenCovered = table.Column<int>(type: "INTEGER", nullable: true),
                    Text = table.Column<string>(type: "TEXT", nullable: true),
                    Public = table.Column<bool>(type: "INTEGER", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    SourceReference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CollectiveAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CollectiveAgreements_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CollectiveAgreements_Organisations_RecordedByOrganisationId",
                        column: x => x.RecordedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CbaClauses",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Topic = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reference = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 8000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CbaClauses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CbaClauses_CollectiveAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "CollectiveAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "CbaParties",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    AgreementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Side = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: true),
                    ConfirmedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CbaParties", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CbaParties_CollectiveAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "CollectiveAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CbaParties_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CbaClauses_AgreementId",
                table: "CbaClauses",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_CbaClauses_Topic_AgreementId",
                table: "CbaClauses",
                columns: new[] { "Topic", "AgreementId" });

            migrationBuilder.CreateIndex(
                name: "IX_CbaParties_AgreementId",
                table: "CbaParties",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_CbaParties_OrganisationId",
                table: "CbaParties",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveAgreements_ExpiresOn",
                table: "CollectiveAgreements",
                column: "ExpiresOn");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveAgreements_FacilityId",
                table: "CollectiveAgreements",
                column: "FacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveAgreements_Public_CountryCode_StartsOn",
                table: "CollectiveAgreements",
                columns: new[] { "Public", "CountryCode", "StartsOn" });

            migrationBuilder.CreateIndex(
                name: "IX_CollectiveAgreements_RecordedByOrganisationId_SourceReference",
                table: "CollectiveAgreements",
                columns: new[] { "RecordedByOrganisationId", "SourceReference" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CbaClauses");

            migrationBuilder.DropTable(
                name: "CbaParties");

            migrationBuilder.DropTable(
                name: "CollectiveAgreements");
        }
    }
}
