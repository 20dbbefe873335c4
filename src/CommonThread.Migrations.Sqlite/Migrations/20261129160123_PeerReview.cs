using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PeerReview : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReviewSubmissions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    NetworkId = table.Column<Guid>(type: "TEXT", nullable: false),
                    AuthorOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Authors = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Summary = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Language = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Licence = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GenderData = table.Column<bool>(type: "INTEGER", nullable: false),
                    Countries = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    PublishedDocumentId = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewSubmissions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewSubmissions_LibraryDocuments_PublishedDocumentId",
                        column: x => x.PublishedDocumentId,
                        principalTable: "LibraryDocuments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "FK_ReviewSubmissions_Networks_NetworkId",
                        column: x => x.NetworkId,
                        principalTable: "Networks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewSubmissions_Organisations_AuthorOrganisationId",
                        column: x => x.AuthorOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReviewRounds",
                columns: table => new
                {
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 200000, nullable: false),
                    Response = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Decision = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    Letter = table.Column<string>(type: "TEXT", maxLength: 20000, nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewRounds", x => new { x.SubmissionId, x.Number });
                    table.ForeignKey(
                        name: "FK_ReviewRounds_ReviewSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "ReviewSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReviewTasks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubmissionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Round = table.Column<int>(type: "INTEGER", nullable: false),
                    ReviewerUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    ReviewerOrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Number = table.Column<int>(type: "INTEGER", nullable: false),
                    AskedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DueOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    Verdict = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ToAuthors = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    ToEditor = table.Column<string>(type: "TEXT", maxLength: 50000, nullable: true),
                    SubmittedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewTasks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReviewTasks_AspNetUsers_ReviewerUserId",
                        column: x => x.ReviewerUserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewTasks_Organisations_ReviewerOrganisationId",
                        column: x => x.ReviewerOrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReviewTasks_ReviewSubmissions_SubmissionId",
                        column: x => x.SubmissionId,
                        principalTable: "ReviewSubmissions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSubmissions_AuthorOrganisationId",
                table: "ReviewSubmissions",
                column: "AuthorOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSubmissions_NetworkId_Status",
                table: "ReviewSubmissions",
                columns: new[] { "NetworkId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewSubmissions_PublishedDocumentId",
                table: "ReviewSubmissions",
                column: "PublishedDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTasks_ReviewerOrganisationId",
                table: "ReviewTasks",
                column: "ReviewerOrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTasks_ReviewerUserId_Status",
                table: "ReviewTasks",
                columns: new[] { "ReviewerUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ReviewTasks_SubmissionId_Round_ReviewerUserId",
                table: "ReviewTasks",
                columns: new[] { "SubmissionId", "Round", "ReviewerUserId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewRounds");

            migrationBuilder.DropTable(
                name: "ReviewTasks");

            migrationBuilder.DropTable(
                name: "ReviewSubmissions");
        }
    }
}
