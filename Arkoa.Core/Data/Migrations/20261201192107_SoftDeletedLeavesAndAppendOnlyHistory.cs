using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SoftDeletedLeavesAndAppendOnlyHistory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_leave_balance_history_leaves_leave_id",
                table: "leave_balance_history");

            migrationBuilder.DropIndex(
                name: "ix_leaves_live_membership_id_end_date",
                table: "leaves");

            migrationBuilder.DropIndex(
                name: "ix_leaves_pending_membership_id_start_date",
                table: "leaves");

            migrationBuilder.AddColumn<DateTime>(
                name: "deleted_at",
                table: "leaves",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_leaves_live_membership_id_end_date",
                table: "leaves",
                columns: new[] { "membership_id", "end_date" },
                filter: "status IN ('PENDING', 'APPROVED') AND deleted_at IS NULL")
                .Annotation("Npgsql:IndexInclude", new[] { "start_date", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_leaves_pending_membership_id_start_date",
                table: "leaves",
                columns: new[] { "membership_id", "start_date" },
                filter: "status = 'PENDING' AND deleted_at IS NULL");

            migrationBuilder.AddForeignKey(
                name: "fk_leave_balance_history_leaves_leave_id",
                table: "leave_balance_history",
                column: "leave_id",
                principalTable: "leaves",
                principalColumn: "id");

            // Balance history is append-only (SPEC §2, issue 13 point 19), enforced here whatever the code does. A history
            // row may change in one way only: its free-text reason cleared (erasure of a person; updated_at may move with
            // it). It may be deleted in one case only: with its whole company. The ledger's rows each go only once their
            // parent is gone (history with its balance, balances and leaves with their membership, memberships with their
            // company), so the only DELETE that reaches history is a company's cascade. The leave a history row names is
            // never deleted (leaves are soft-deleted); that foreign key is checked at commit, after a company's cascade
            // has removed leaves and history alike in whichever order.
            migrationBuilder.Sql("""
                ALTER TABLE leave_balance_history ALTER CONSTRAINT fk_leave_balance_history_leaves_leave_id DEFERRABLE INITIALLY DEFERRED;

                CREATE FUNCTION arkoa_balance_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        IF NEW.reason IS NULL
                            AND to_jsonb(NEW) - 'reason' - 'updated_at' = to_jsonb(OLD) - 'reason' - 'updated_at' THEN
                            RETURN NEW;
                        END IF;
                    ELSIF NOT EXISTS (SELECT 1 FROM leave_balances b WHERE b.id = OLD.leave_balance_id) THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'leave_balance_history is append-only: this % is refused', TG_OP
                        USING ERRCODE = 'restrict_violation';
                END
                $$;

                CREATE FUNCTION arkoa_delete_only_with_parent() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    parent_exists boolean;
                BEGIN
                    IF TG_TABLE_NAME = 'memberships' THEN
                        parent_exists := EXISTS (SELECT 1 FROM companies c WHERE c.id = OLD.company_id);
                    ELSE
                        parent_exists := EXISTS (SELECT 1 FROM memberships m WHERE m.id = OLD.membership_id);
                    END IF;
                    IF parent_exists THEN
                        RAISE EXCEPTION '% rows are kept for the balance history: only deleting the company deletes them', TG_TABLE_NAME
                            USING ERRCODE = 'restrict_violation';
                    END IF;
                    RETURN OLD;
                END
                $$;

                CREATE TRIGGER trg_leave_balance_history_append_only BEFORE UPDATE OR DELETE ON leave_balance_history
                    FOR EACH ROW EXECUTE FUNCTION arkoa_balance_history_append_only();
                CREATE TRIGGER trg_leave_balances_delete_with_membership BEFORE DELETE ON leave_balances
                    FOR EACH ROW EXECUTE FUNCTION arkoa_delete_only_with_parent();
                CREATE TRIGGER trg_leaves_delete_with_membership BEFORE DELETE ON leaves
                    FOR EACH ROW EXECUTE FUNCTION arkoa_delete_only_with_parent();
                CREATE TRIGGER trg_memberships_delete_with_company BEFORE DELETE ON memberships
                    FOR EACH ROW EXECUTE FUNCTION arkoa_delete_only_with_parent();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER trg_leave_balance_history_append_only ON leave_balance_history;
                DROP TRIGGER trg_leave_balances_delete_with_membership ON leave_balances;
                DROP TRIGGER trg_leaves_delete_with_membership ON leaves;
                DROP TRIGGER trg_memberships_delete_with_company ON memberships;
                DROP FUNCTION arkoa_balance_history_append_only();
                DROP FUNCTION arkoa_delete_only_with_parent();
                """);

            migrationBuilder.DropForeignKey(
                name: "fk_leave_balance_history_leaves_leave_id",
                table: "leave_balance_history");

            migrationBuilder.DropIndex(
                name: "ix_leaves_live_membership_id_end_date",
                table: "leaves");

            migrationBuilder.DropIndex(
                name: "ix_leaves_pending_membership_id_start_date",
                table: "leaves");

            migrationBuilder.DropColumn(
                name: "deleted_at",
                table: "leaves");

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

            migrationBuilder.AddForeignKey(
                name: "fk_leave_balance_history_leaves_leave_id",
                table: "leave_balance_history",
                column: "leave_id",
                principalTable: "leaves",
                principalColumn: "id",
                onDelete: ReferentialAction.SetNull);
        }
    }
}
