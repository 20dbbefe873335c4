using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class HomeworkFigures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Homeworkers_FacilityId",
                table: "Homeworkers");

            migrationBuilder.CreateTable(
                name: "HomeworkFigures",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FacilityId = table.Column<Guid>(type: "TEXT", nullable: false),
                    CountedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Homeworkers = table.Column<int>(type: "INTEGER", nullable: false),
                    ByGender = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ByArea = table.Column<string>(type: "TEXT", nullable: false),
                    WorkOrders = table.Column<int>(type: "INTEGER", nullable: false),
                    WageChecked = table.Column<int>(type: "INTEGER", nullable: false),
                    AtOrAboveMinimumWage = table.Column<int>(type: "INTEGER", nullable: false),
                    Overload = table.Column<int>(type: "INTEGER", nullable: false),
                    PaymentDue = table.Column<int>(type: "INTEGER", nullable: false),
                    PaidOnTime = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_HomeworkFigures", x => new { x.OrganisationId, x.FacilityId });
                    table.ForeignKey(
                        name: "FK_HomeworkFigures_Facilities_FacilityId",
                        column: x => x.FacilityId,
                        principalTable: "Facilities",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_HomeworkFigures_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Homeworkers_FacilityId_OrganisationId",
                table: "Homeworkers",
                columns: new[] { "FacilityId", "OrganisationId" });

            migrationBuilder.CreateIndex(
                name: "IX_HomeworkFigures_FacilityId",
                table: "HomeworkFigures",
                column: "FacilityId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "HomeworkFigures");

            migrationBuilder.DropIndex(
                name: "IX_Homeworkers_FacilityId_OrganisationId",
                table: "Homeworkers");

            migrationBuilder.CreateIndex(
                name: "IX_Homeworkers_FacilityId",
                table: "Homeworkers",
                column: "FacilityId");
        }
    }
}
