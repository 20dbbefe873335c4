using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ImportsReviewsSharingAndChainLinks : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ViaFacilityId",
                table: "SupplyLinks",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "OperatorOrganisationId",
                table: "Facilities",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "TEXT");

            migrationBuilder.CreateTable(
                name: "FacilityImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    FileSha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FileBytes = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    TotalRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ValidRows = table.Column<int>(type: "INTEGER", nullable: false),
                    ProblemCount = table.Column<int>(type: "INTEGER", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    UploadedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    StartedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartedByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    StartedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    FinishedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Failure = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    MatchedRows = table.Column<int>(type: "INTEGER", nullable: false),
                    NewFacilities = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewRows = table.Column<int>(type: "INTEGER", nullable: false),
                    LinksCreated = table.Column<int>(type: "INTEGER", nullable: false),
                    LinksUpdated = table.Column<int>(type: "INTEGER", nullable: false),
                    FoaFactsRecorded = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacilityImports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FacilityImports_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FoaShares",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedByOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SharedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    WithdrawnAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FoaShares", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FoaShares_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FoaShares_Organisations_SharedByOrganisationId",
                        column: x => x.SharedByOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FacilityImportContents",
                columns: table => new
                {
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Bytes = table.Column<byte[]>(type: "BLOB", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacilityImportContents", x => x.ImportId);
                    table.ForeignKey(
                        name: "FK_FacilityImportContents_FacilityImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "FacilityImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FacilityImportProblems",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Row = table.Column<int>(type: "INTEGER", nullable: false),
                    Column = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FacilityImportProblems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FacilityImportProblems_FacilityImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "FacilityImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "MatchReviews",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ImportId = table.Column<Guid>(type: "TEXT", nullable: false),
                    RowNumber = table.Column<int>(type: "INTEGER", nullable: false),
                    RowKey = table.Column<string>(type: "TEXT", maxLength: 800, nullable: false),
                    RowJson = table.Column<string>(type: "TEXT", nullable: false),
                    CandidateFacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Confidence = table.Column<double>(type: "REAL", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ResultFacilityId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MatchReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_MatchReviews_Facilities_CandidateFacilityId",
                        column: x => x.CandidateFacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchReviews_FacilityImports_ImportId",
                        column: x => x.ImportId,
                        principalTable: "FacilityImports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_MatchReviews_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SupplyLinks_ViaFacilityId",
                table: "SupplyLinks",
                column: "ViaFacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_FacilityImportProblems_ImportId_Row",
                table: "FacilityImportProblems",
                columns: new[] { "ImportId", "Row" });

            migrationBuilder.CreateIndex(
                name: "IX_FacilityImports_OrganisationId_UploadedAt",
                table: "FacilityImports",
                columns: new[] { "OrganisationId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_FacilityImports_Status",
                table: "FacilityImports",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_FoaShares_FacilityId_SharedByOrganisationId",
                table: "FoaShares",
                columns: new[] { "FacilityId", "SharedByOrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_FoaShares_SharedByOrganisationId",
                table: "FoaShares",
                column: "SharedByOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchReviews_CandidateFacilityId",
                table: "MatchReviews",
                column: "CandidateFacilityId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchReviews_ImportId",
                table: "MatchReviews",
                column: "ImportId");

            migrationBuilder.CreateIndex(
                name: "IX_MatchReviews_OrganisationId_Status",
                table: "MatchReviews",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.AddForeignKey(
                name: "FK_SupplyLinks_Facilities_ViaFacilityId",
                table: "SupplyLinks",
                column: "ViaFacilityId",
                principalTable: "Facilities",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_SupplyLinks_Facilities_ViaFacilityId",
                table: "SupplyLinks");

            migrationBuilder.DropTable(
                name: "FacilityImportContents");

            migrationBuilder.DropTable(
                name: "FacilityImportProblems");

            migrationBuilder.DropTable(
                name: "FoaShares");

            migrationBuilder.DropTable(
                name: "MatchReviews");

            migrationBuilder.DropTable(
                name: "FacilityImports");

            migrationBuilder.DropIndex(
                name: "IX_SupplyLinks_ViaFacilityId",
                table: "SupplyLinks");

            migrationBuilder.DropColumn(
                name: "ViaFacilityId",
                table: "SupplyLinks");

            migrationBuilder.AlterColumn<Guid>(
                name: "OperatorOrganisationId",
                table: "Facilities",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
