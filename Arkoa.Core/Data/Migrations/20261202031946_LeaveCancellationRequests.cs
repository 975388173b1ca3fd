using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeaveCancellationRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "cancel_request_reason",
                table: "leaves",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "cancel_requested_at",
                table: "leaves",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_leaves_cancel_requested_membership_id_start_date",
                table: "leaves",
                columns: new[] { "membership_id", "start_date" },
                filter: "cancel_requested_at IS NOT NULL AND deleted_at IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_leaves_cancel_requested_membership_id_start_date",
                table: "leaves");

            migrationBuilder.DropColumn(
                name: "cancel_request_reason",
                table: "leaves");

            migrationBuilder.DropColumn(
                name: "cancel_requested_at",
                table: "leaves");
        }
    }
}
