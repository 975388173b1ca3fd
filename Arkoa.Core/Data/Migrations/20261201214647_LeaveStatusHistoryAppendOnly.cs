using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeaveStatusHistoryAppendOnly : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The status history is evidence like the balance history: append-only in the database, whatever the code
            // does. A row may change in two ways only: its free-text note cleared (erasure of a person) and its actor
            // set to null (the foreign key's ON DELETE SET NULL; updated_at may move with either). It may be deleted
            // only once its leave is gone, which happens only with the leave's membership or company (leaves are
            // soft-deleted otherwise).
            migrationBuilder.Sql("""
                CREATE FUNCTION arkoa_status_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_OP = 'UPDATE' THEN
                        IF (NEW.note IS NULL OR NEW.note IS NOT DISTINCT FROM OLD.note)
                            AND (NEW.actor_id IS NULL OR NEW.actor_id IS NOT DISTINCT FROM OLD.actor_id)
                            AND to_jsonb(NEW) - 'note' - 'actor_id' - 'updated_at' = to_jsonb(OLD) - 'note' - 'actor_id' - 'updated_at' THEN
                            RETURN NEW;
                        END IF;
                    ELSIF NOT EXISTS (SELECT 1 FROM leaves l WHERE l.id = OLD.leave_id) THEN
                        RETURN OLD;
                    END IF;
                    RAISE EXCEPTION 'leave_status_changes is append-only: this % is refused', TG_OP
                        USING ERRCODE = 'restrict_violation';
                END
                $$;

                CREATE TRIGGER trg_leave_status_changes_append_only BEFORE UPDATE OR DELETE ON leave_status_changes
                    FOR EACH ROW EXECUTE FUNCTION arkoa_status_history_append_only();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER trg_leave_status_changes_append_only ON leave_status_changes;
                DROP FUNCTION arkoa_status_history_append_only();
                """);
        }
    }
}
