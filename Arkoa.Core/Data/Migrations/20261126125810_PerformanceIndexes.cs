using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class PerformanceIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "company_data_versions",
                columns: table => new
                {
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_data_versions", x => x.company_id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leaves_live_membership_id_end_date",
                table: "leaves",
                columns: new[] { "membership_id", "end_date" },
                filter: "status IN ('PENDING', 'APPROVED')")
                .Annotation("Npgsql:IndexInclude", new[] { "start_date", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_leaves_pending_membership_id_start_date",
                table: "leaves",
                columns: new[] { "membership_id", "start_date" },
                filter: "status = 'PENDING'");

            // The triggers that raise a company's data version (the read caches' invalidation) are created by their own
            // migration, CompanyDataVersionTriggers; databases migrated before it got them here and it replaces them.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_data_versions");

            migrationBuilder.DropIndex(
                name: "ix_leaves_live_membership_id_end_date",
                table: "leaves");

            migrationBuilder.DropIndex(
                name: "ix_leaves_pending_membership_id_start_date",
                table: "leaves");
        }
    }
}
