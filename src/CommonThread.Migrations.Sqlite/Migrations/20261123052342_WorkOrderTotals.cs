using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommonThread.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class WorkOrderTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AcceptedPieces",
                table: "WorkOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "LastPaidOn",
                table: "WorkOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<double>(
                name: "Paid",
                table: "WorkOrders",
                type: "REAL",
                precision: 14,
                scale: 2,
                nullable: false,
                defaultValue: 0.0);

            migrationBuilder.AddColumn<DateOnly>(
                name: "PaymentDueOn",
                table: "WorkOrders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "RejectedPieces",
                table: "WorkOrders",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptedPieces",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "LastPaidOn",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "Paid",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "PaymentDueOn",
                table: "WorkOrders");

            migrationBuilder.DropColumn(
                name: "RejectedPieces",
                table: "WorkOrders");
        }
    }
}
