using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class LeaveTypesPerCompany : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "leave_type_definitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    name_fr = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    name_en = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    colour = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: false),
                    unit = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    uses_balance = table.Column<bool>(type: "boolean", nullable: false),
                    sensitive = table.Column<bool>(type: "boolean", nullable: false),
                    requires_approval = table.Column<bool>(type: "boolean", nullable: false),
                    max_consecutive_days = table.Column<int>(type: "integer", nullable: true),
                    allowed_in_past = table.Column<bool>(type: "boolean", nullable: false),
                    counts_as_absence = table.Column<bool>(type: "boolean", nullable: false),
                    requires_document = table.Column<bool>(type: "boolean", nullable: false),
                    archived_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    sort_order = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_type_definitions", x => x.id);
                    table.CheckConstraint("ck_leave_type_definitions_code", "code ~ '^[A-Z0-9_]{2,20}$'");
                    table.CheckConstraint("ck_leave_type_definitions_colour", "colour ~ '^#[0-9a-f]{6}$'");
                    table.CheckConstraint("ck_leave_type_definitions_max_consecutive_days", "max_consecutive_days IS NULL OR max_consecutive_days BETWEEN 1 AND 366");
                    table.ForeignKey(
                        name: "fk_leave_type_definitions_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_leave_type_definitions_company_id_code",
                table: "leave_type_definitions",
                columns: new[] { "company_id", "code" },
                unique: true);

            // The 14 built-ins for every existing company, with the facts the code hard-wired until now (only PAID and RTT
            // use a balance; every type needs approval, takes half days, counts as an absence, is not for members in the
            // past) and the company's own sensitive list, which the rows now hold instead of the column dropped below.
            migrationBuilder.Sql("""
                INSERT INTO leave_type_definitions (id, company_id, code, name_fr, name_en, colour, unit, uses_balance, sensitive,
                    requires_approval, max_consecutive_days, allowed_in_past, counts_as_absence, requires_document, archived_at,
                    sort_order, created_at, updated_at)
                SELECT gen_random_uuid(), c.id, t.code, t.name_fr, t.name_en, t.colour, 'HALF_DAY', t.code IN ('PAID', 'RTT'),
                    t.code = ANY (c.sensitive_leave_types), true, NULL, false, true, false, NULL, t.sort_order, now(), now()
                FROM companies c CROSS JOIN (VALUES
                    ('PAID', 'Congés payés', 'Paid leave', '#1d4ed8', 10),
                    ('RTT', 'RTT', 'RTT', '#6d28d9', 20),
                    ('UNPAID', 'Congé sans solde', 'Unpaid leave', '#57534e', 30),
                    ('SICK', 'Arrêt maladie', 'Sick leave', '#b91c1c', 40),
                    ('CHILD_SICK', 'Enfant malade', 'Sick child', '#c2410c', 50),
                    ('MATERNITY', 'Congé maternité', 'Maternity leave', '#be185d', 60),
                    ('PATERNITY', 'Congé paternité', 'Paternity leave', '#0e7490', 70),
                    ('PARENTAL', 'Congé parental', 'Parental leave', '#0f766e', 80),
                    ('BEREAVEMENT', 'Décès d''un proche', 'Bereavement', '#334155', 90),
                    ('MARRIAGE', 'Mariage', 'Marriage', '#a21caf', 100),
                    ('MOVING', 'Déménagement', 'Moving house', '#92400e', 110),
                    ('TRAINING', 'Formation', 'Training', '#15803d', 120),
                    ('UNJUSTIFIED', 'Absence injustifiée', 'Unjustified absence', '#7f1d1d', 130),
                    ('ADJUSTMENT', 'Ajustement', 'Adjustment', '#4b5563', 140)
                ) AS t (code, name_fr, name_en, colour, sort_order);
                """);

            migrationBuilder.DropColumn(
                name: "sensitive_leave_types",
                table: "companies");

            migrationBuilder.AddColumn<bool>(
                name: "uses_balance",
                table: "leaves",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // A leave keeps whether it took its days from a balance, so its refund matches whatever the type becomes.
            migrationBuilder.Sql("UPDATE leaves SET uses_balance = true WHERE type IN ('PAID', 'RTT');");

            // A type's change (its name, colour, sensitivity…) changes what the cached calendar and stats show.
            migrationBuilder.Sql("""
                CREATE OR REPLACE FUNCTION arkoa_company_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME IN ('memberships', 'company_holidays', 'leave_type_definitions') THEN
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
                CREATE CONSTRAINT TRIGGER trg_leave_type_definitions_company_data AFTER INSERT OR UPDATE OR DELETE ON leave_type_definitions
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_company_data_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER IF EXISTS trg_leave_type_definitions_company_data ON leave_type_definitions;");

            migrationBuilder.AddColumn<string[]>(
                name: "sensitive_leave_types",
                table: "companies",
                type: "character varying(20)[]",
                nullable: false,
                defaultValueSql: "'{SICK,CHILD_SICK,MATERNITY,PATERNITY,PARENTAL,BEREAVEMENT}'");

            migrationBuilder.Sql("""
                UPDATE companies c SET sensitive_leave_types = coalesce(
                    (SELECT array_agg(t.code ORDER BY t.sort_order) FROM leave_type_definitions t WHERE t.company_id = c.id AND t.sensitive),
                    '{}');
                """);

            migrationBuilder.DropTable(
                name: "leave_type_definitions");

            migrationBuilder.DropColumn(
                name: "uses_balance",
                table: "leaves");
        }
    }
}
