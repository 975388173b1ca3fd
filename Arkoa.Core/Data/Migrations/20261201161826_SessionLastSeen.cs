using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SessionLastSeen : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "last_seen_at",
                table: "sessions",
                type: "timestamp with time zone",
                nullable: false,
                defaultValueSql: "now()");

            // Open sessions: last seen when their expiry last slid, and none outlives the new 30-day cap.
            migrationBuilder.Sql("""
                UPDATE sessions SET last_seen_at = greatest(created_at, expires_at - interval '7 days'),
                                    expires_at = least(expires_at, created_at + interval '30 days')
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "last_seen_at",
                table: "sessions");
        }
    }
}
