using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeaveStatusHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leave_status_changes",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    leave_id = table.Column<Guid>(type: "uuid", nullable: false),
                    transition = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    from_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    to_status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    actor_id = table.Column<Guid>(type: "uuid", nullable: true),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_status_changes", x => x.id);
                    table.ForeignKey(
                        name: "fk_leave_status_changes_leaves_leave_id",
                        column: x => x.leave_id,
                        principalTable: "leaves",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_leave_status_changes_users_actor_id",
                        column: x => x.actor_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leave_status_changes_actor_id",
                table: "leave_status_changes",
                column: "actor_id");

            migrationBuilder.CreateIndex(
                name: "ix_leave_status_changes_leave_id_created_at",
                table: "leave_status_changes",
                columns: new[] { "leave_id", "created_at" });

            // The steps the leaves already show: each was submitted when created (by someone not recorded then), and the
            // last review kept its reviewer, instant and note (a reviewed leave now CANCELED was approved first).
            // Earlier reviews, edits, cancellations and deletions were not kept, so they cannot be recovered.
            migrationBuilder.Sql("""
                INSERT INTO leave_status_changes (id, leave_id, transition, from_status, to_status, actor_id, note, created_at, updated_at)
                SELECT gen_random_uuid(), l.id, 'SUBMITTED', NULL, 'PENDING', NULL, l.reason, l.created_at, l.created_at
                FROM leaves l;

                INSERT INTO leave_status_changes (id, leave_id, transition, from_status, to_status, actor_id, note, created_at, updated_at)
                SELECT gen_random_uuid(), l.id, r.status, 'PENDING', r.status, l.reviewed_by_id, l.manager_note, l.reviewed_at, l.reviewed_at
                FROM leaves l
                CROSS JOIN LATERAL (SELECT CASE WHEN l.status = 'REJECTED' THEN 'REJECTED' ELSE 'APPROVED' END AS status) r
                WHERE l.reviewed_at IS NOT NULL;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leave_status_changes");
        }
    }
}
