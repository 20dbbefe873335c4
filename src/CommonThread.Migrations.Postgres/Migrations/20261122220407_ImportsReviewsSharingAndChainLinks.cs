using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommonThread.Migrations.Postgres.Migrations
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
                type: "uuid",
                nullable: true);

            migrationBuilder.AlterColumn<Guid>(
                name: "OperatorOrganisationId",
                table: "Facilities",
                type: "uuid",
                nullable: true,
                oldClrType: typeof(Guid),
                oldType: "uuid");

            migrationBuilder.CreateTable(
                name: "FacilityImports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    FileSha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    FileBytes = table.Column<long>(type: "bigint", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    TotalRows = table.Column<int>(type: "integer", nullable: false),
                    ValidRows = table.Column<int>(type: "integer", nullable: false),
                    ProblemCount = table.Column<int>(type: "integer", nullable: false),
                    UploadedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    UploadedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    UploadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    StartedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    StartedByName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    StartedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Failure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    MatchedRows = table.Column<int>(type: "integer", nullable: false),
                    NewFacilities = table.Column<int>(type: "integer", nullable: false),
                    ReviewRows = table.Column<int>(type: "integer", nullable: false),
                    LinksCreated = table.Column<int>(type: "integer", nullable: false),
                    LinksUpdated = table.Column<int>(type: "integer", nullable: false),
                    FoaFactsRecorded = table.Column<int>(type: "integer", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedByOrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SharedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
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
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Row = table.Column<int>(type: "integer", nullable: false),
                    Column = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Message = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    ImportId = table.Column<Guid>(type: "uuid", nullable: false),
                    RowNumber = table.Column<int>(type: "integer", nullable: false),
                    RowKey = table.Column<string>(type: "character varying(800)", maxLength: 800, nullable: false),
                    RowJson = table.Column<string>(type: "text", nullable: false),
                    CandidateFacilityId = table.Column<Guid>(type: "uuid", nullable: false),
                    Confidence = table.Column<double>(type: "double precision", nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    DecidedByUserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    DecidedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ResultFacilityId = table.Column<Guid>(type: "uuid", nullable: true)
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
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"),
                oldClrType: typeof(Guid),
                oldType: "uuid",
                oldNullable: true);
        }
    }
}
