using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompanyDataVersionTriggers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Company data versions (CompanyDataVersion): every change a company's calendar or stats can show raises the
            // company's counter in the same transaction. Deferred constraint triggers run at commit, so the counter row is
            // locked only for the instant of the commit, not for the whole write.
            // Idempotent: databases migrated before this migration already have these objects (from PerformanceIndexes).
            migrationBuilder.Sql("""
                DROP TRIGGER IF EXISTS trg_leaves_company_data ON leaves;
                DROP TRIGGER IF EXISTS trg_leave_balances_company_data ON leave_balances;
                DROP TRIGGER IF EXISTS trg_memberships_company_data ON memberships;
                DROP TRIGGER IF EXISTS trg_company_holidays_company_data ON company_holidays;
                DROP TRIGGER IF EXISTS trg_companies_company_data ON companies;
                DROP TRIGGER IF EXISTS trg_users_company_data ON users;
                CREATE OR REPLACE FUNCTION arkoa_raise_company_version(company uuid) RETURNS void LANGUAGE sql AS $$
                    INSERT INTO company_data_versions (company_id, version) VALUES (company, 1)
                    ON CONFLICT (company_id) DO UPDATE SET version = company_data_versions.version + 1
                $$;

                CREATE OR REPLACE FUNCTION arkoa_company_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
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
        }
    }
}
