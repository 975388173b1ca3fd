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

            // Company data versions (CompanyDataVersion): every change a company's calendar or stats can show raises the
            // company's counter in the same transaction. Deferred constraint triggers run at commit, so the counter row is
            // locked only for the instant of the commit, not for the whole write.
            migrationBuilder.Sql("""
                CREATE FUNCTION arkoa_raise_company_version(company uuid) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO company_data_versions (company_id, version) VALUES (company, 1)
                    ON CONFLICT (company_id) DO UPDATE SET version = company_data_versions.version + 1
                $$;

                CREATE FUNCTION arkoa_company_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME IN ('memberships', 'company_holidays') THEN
                        IF TG_OP <> 'INSERT' THEN PERFORM arkoa_raise_company_version(OLD.company_id); END IF;
                        IF TG_OP <> 'DELETE' THEN PERFORM arkoa_raise_company_version(NEW.company_id); END IF;
                    ELSIF TG_TABLE_NAME IN ('leaves', 'leave_balances') THEN
                        PERFORM arkoa_raise_company_version(m.company_id) FROM memberships m
                        WHERE m.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.membership_id ELSE NEW.membership_id END;
                    ELSIF TG_TABLE_NAME = 'companies' THEN
                        PERFORM arkoa_raise_company_version(NEW.id);
                    ELSIF TG_TABLE_NAME = 'users' THEN
                        PERFORM arkoa_raise_company_version(m.company_id) FROM memberships m WHERE m.user_id = NEW.id;
                    END IF;
                    RETURN NULL;
                END
                $$;

                CREATE CONSTRAINT TRIGGER trg_leaves_company_data AFTER INSERT OR UPDATE OR DELETE ON leaves
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_company_data_changed();
                CREATE CONSTRAINT TRIGGER trg_leave_balances_company_data AFTER INSERT OR UPDATE OR DELETE ON leave_balances
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_company_data_changed();
                CREATE CONSTRAINT TRIGGER trg_memberships_company_data AFTER INSERT OR UPDATE OR DELETE ON memberships
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_company_data_changed();
                CREATE CONSTRAINT TRIGGER trg_company_holidays_company_data AFTER INSERT OR UPDATE OR DELETE ON company_holidays
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_company_data_changed();
                CREATE CONSTRAINT TRIGGER trg_companies_company_data AFTER UPDATE ON companies
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_company_data_changed();
                CREATE CONSTRAINT TRIGGER trg_users_company_data AFTER UPDATE OF name ON users
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_company_data_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER trg_leaves_company_data ON leaves;
                DROP TRIGGER trg_leave_balances_company_data ON leave_balances;
                DROP TRIGGER trg_memberships_company_data ON memberships;
                DROP TRIGGER trg_company_holidays_company_data ON company_holidays;
                DROP TRIGGER trg_companies_company_data ON companies;
                DROP TRIGGER trg_users_company_data ON users;
                DROP FUNCTION arkoa_company_data_changed();
                DROP FUNCTION arkoa_raise_company_version(uuid);
                """);

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
