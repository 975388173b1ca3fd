using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LedgerHashChainAndBalanceSum : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "hash",
                table: "leave_balance_history",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<Guid>(
                name: "membership_id",
                table: "leave_balance_history",
                type: "uuid",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<string>(
                name: "previous_hash",
                table: "leave_balance_history",
                type: "character(64)",
                fixedLength: true,
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "sequence",
                table: "leave_balance_history",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            // Existing rows join the ledger before its keys exist (this block must stay between the AddColumn calls above
            // and the index and key below). No row is lost or changed in content: a balance that differed from the sum of
            // its history (a write that bypassed the ledger) gets one appended MANUEL_CREDIT entry for the difference, so
            // that the sum holds from now on; then every member's entries, oldest first, get their sequence and chain.
            migrationBuilder.Sql(LedgerHashSql);
            migrationBuilder.Sql("""
                ALTER TABLE leave_balance_history DISABLE TRIGGER trg_leave_balance_history_append_only;

                INSERT INTO leave_balance_history (id, created_at, updated_at, leave_balance_id, change, reason, type)
                SELECT gen_random_uuid(), now(), now(), b.id, b.remaining_days - coalesce(s.total, 0),
                       'Ledger opened: the balance differed from the sum of its history by this change', 'MANUEL_CREDIT'
                FROM leave_balances b
                LEFT JOIN (SELECT leave_balance_id, sum(change) AS total FROM leave_balance_history GROUP BY leave_balance_id) s
                       ON s.leave_balance_id = b.id
                WHERE b.remaining_days <> coalesce(s.total, 0);

                UPDATE leave_balance_history h SET membership_id = b.membership_id FROM leave_balances b WHERE b.id = h.leave_balance_id;

                DO $$
                DECLARE
                    entry record;
                    current_member uuid;
                    next_sequence bigint;
                    previous text;
                BEGIN
                    FOR entry IN
                        SELECT h.id, h.membership_id, b.type AS balance_type, h.type, h.change, h.actor_id, h.leave_id, h.created_at
                        FROM leave_balance_history h JOIN leave_balances b ON b.id = h.leave_balance_id
                        ORDER BY h.membership_id, h.created_at, h.id
                    LOOP
                        IF current_member IS DISTINCT FROM entry.membership_id THEN
                            current_member := entry.membership_id;
                            next_sequence := 0;
                            previous := repeat('0', 64);
                        END IF;
                        next_sequence := next_sequence + 1;
                        UPDATE leave_balance_history
                        SET sequence = next_sequence, previous_hash = previous,
                            hash = arkoa_ledger_entry_hash(entry.id, entry.membership_id, next_sequence, entry.balance_type, entry.type,
                                                           entry.change, entry.actor_id, entry.leave_id, entry.created_at, previous)
                        WHERE id = entry.id
                        RETURNING hash INTO previous;
                    END LOOP;
                END
                $$;

                ALTER TABLE leave_balance_history ENABLE TRIGGER trg_leave_balance_history_append_only;
                """);

            migrationBuilder.CreateIndex(
                name: "ix_leave_balance_history_membership_id_sequence",
                table: "leave_balance_history",
                columns: new[] { "membership_id", "sequence" },
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "fk_leave_balance_history_memberships_membership_id",
                table: "leave_balance_history",
                column: "membership_id",
                principalTable: "memberships",
                principalColumn: "id");

            // The ledger is the source of truth (SPEC §2), whatever the code does:
            // * every entry is chained on insert: under the member's row lock (so two writers cannot both take the same
            //   head), it gets the next sequence, the hash of the member's previous entry and its own hash (LedgerHash in
            //   Arkoa.Core computes the same; docs/ledger-export.md documents the form). Whatever a writer sends for these
            //   is replaced, so raw SQL and the benchmark's import (which computes them itself, triggers off) agree.
            // * at commit, a balance must equal the sum of its entries: a balance written without its entry, or an entry
            //   without its balance change, fails the whole transaction (check_violation). Deferred, because the ledger
            //   writes the balance and its entry in two statements, and a unit of work may move a balance several times.
            migrationBuilder.Sql("""
                ALTER TABLE leave_balance_history ALTER CONSTRAINT fk_leave_balance_history_memberships_membership_id DEFERRABLE INITIALLY DEFERRED;

                CREATE FUNCTION arkoa_ledger_chain() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    balance_type text;
                    head_sequence bigint;
                    head_hash text;
                BEGIN
                    SELECT b.membership_id, b.type INTO NEW.membership_id, balance_type FROM leave_balances b WHERE b.id = NEW.leave_balance_id;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'leave balance % does not exist', NEW.leave_balance_id USING ERRCODE = 'foreign_key_violation';
                    END IF;
                    PERFORM 1 FROM memberships WHERE id = NEW.membership_id FOR UPDATE;
                    SELECT h.sequence, h.hash INTO head_sequence, head_hash
                    FROM leave_balance_history h WHERE h.membership_id = NEW.membership_id
                    ORDER BY h.sequence DESC LIMIT 1;
                    NEW.sequence := coalesce(head_sequence, 0) + 1;
                    NEW.previous_hash := coalesce(head_hash, repeat('0', 64));
                    NEW.hash := arkoa_ledger_entry_hash(NEW.id, NEW.membership_id, NEW.sequence, balance_type, NEW.type, NEW.change,
                                                        NEW.actor_id, NEW.leave_id, NEW.created_at, NEW.previous_hash);
                    RETURN NEW;
                END
                $$;

                CREATE FUNCTION arkoa_balance_equals_its_entries() RETURNS trigger LANGUAGE plpgsql AS $$
                DECLARE
                    balance_id uuid;
                    remaining numeric;
                    total numeric;
                BEGIN
                    IF TG_TABLE_NAME = 'leave_balances' THEN
                        balance_id := NEW.id;
                    ELSIF TG_OP = 'DELETE' THEN
                        balance_id := OLD.leave_balance_id;
                    ELSE
                        balance_id := NEW.leave_balance_id;
                    END IF;
                    SELECT b.remaining_days INTO remaining FROM leave_balances b WHERE b.id = balance_id;
                    IF NOT FOUND THEN
                        RETURN NULL; -- gone with its company
                    END IF;
                    SELECT coalesce(sum(h.change), 0) INTO total FROM leave_balance_history h WHERE h.leave_balance_id = balance_id;
                    IF remaining <> total THEN
                        RAISE EXCEPTION 'leave balance % holds % days but its entries add up to %: a balance changes only with its ledger entry',
                            balance_id, remaining, total USING ERRCODE = 'check_violation';
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE TRIGGER trg_leave_balance_history_chain BEFORE INSERT ON leave_balance_history
                    FOR EACH ROW EXECUTE FUNCTION arkoa_ledger_chain();
                CREATE CONSTRAINT TRIGGER trg_leave_balances_equal_entries AFTER INSERT OR UPDATE OF remaining_days ON leave_balances
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_balance_equals_its_entries();
                CREATE CONSTRAINT TRIGGER trg_leave_balance_history_equal_balance AFTER INSERT OR DELETE OR UPDATE OF change, leave_balance_id ON leave_balance_history
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_balance_equals_its_entries();
                """);
        }

        /// <summary>
        /// SHA-256 (built into Postgres since 11, no extension needed) of an entry's canonical form, lowercase hex; the
        /// same as LedgerHash.CanonicalForm in Arkoa.Core and tools/verify-ledger.py.
        /// </summary>
        private const string LedgerHashSql = """
            CREATE FUNCTION arkoa_ledger_entry_hash(
                entry_id uuid, membership_id uuid, entry_sequence bigint, balance_type text, kind text, change numeric,
                actor_id uuid, leave_id uuid, created_at timestamptz, previous_hash text) RETURNS text
            LANGUAGE sql STABLE AS $$
                SELECT encode(sha256(convert_to(concat_ws(E'\n',
                    'arkoa-ledger-v1', entry_id::text, membership_id::text, entry_sequence::text, balance_type, kind,
                    trim_scale(change)::text, coalesce(actor_id::text, ''), coalesce(leave_id::text, ''),
                    to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), previous_hash), 'UTF8')), 'hex')
            $$;
            """;

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER trg_leave_balance_history_chain ON leave_balance_history;
                DROP TRIGGER trg_leave_balances_equal_entries ON leave_balances;
                DROP TRIGGER trg_leave_balance_history_equal_balance ON leave_balance_history;
                DROP FUNCTION arkoa_ledger_chain();
                DROP FUNCTION arkoa_balance_equals_its_entries();
                DROP FUNCTION arkoa_ledger_entry_hash(uuid, uuid, bigint, text, text, numeric, uuid, uuid, timestamptz, text);
                """);
            migrationBuilder.DropForeignKey(
                name: "fk_leave_balance_history_memberships_membership_id",
                table: "leave_balance_history");

            migrationBuilder.DropIndex(
                name: "ix_leave_balance_history_membership_id_sequence",
                table: "leave_balance_history");

            migrationBuilder.DropColumn(
                name: "hash",
                table: "leave_balance_history");

            migrationBuilder.DropColumn(
                name: "membership_id",
                table: "leave_balance_history");

            migrationBuilder.DropColumn(
                name: "previous_hash",
                table: "leave_balance_history");

            migrationBuilder.DropColumn(
                name: "sequence",
                table: "leave_balance_history");
        }
    }
}
