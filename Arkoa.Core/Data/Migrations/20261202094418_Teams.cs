using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class Teams : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "teams",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    parent_team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    is_default = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_teams", x => x.id);
                    table.ForeignKey(
                        name: "fk_teams_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_teams_teams_parent_team_id",
                        column: x => x.parent_team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.NoAction);
                });

            migrationBuilder.CreateTable(
                name: "team_managers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_managers", x => x.id);
                    table.ForeignKey(
                        name: "fk_team_managers_memberships_membership_id",
                        column: x => x.membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_team_managers_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "team_members",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    is_primary = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_team_members", x => x.id);
                    table.ForeignKey(
                        name: "fk_team_members_memberships_membership_id",
                        column: x => x.membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_team_members_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_team_managers_membership_id",
                table: "team_managers",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_managers_team_id_membership_id",
                table: "team_managers",
                columns: new[] { "team_id", "membership_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_team_members_membership_id",
                table: "team_members",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_one_primary_per_member",
                table: "team_members",
                column: "membership_id",
                unique: true,
                filter: "is_primary");

            migrationBuilder.CreateIndex(
                name: "ix_team_members_team_id_membership_id",
                table: "team_members",
                columns: new[] { "team_id", "membership_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_teams_company_id",
                table: "teams",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_teams_one_default_per_company",
                table: "teams",
                column: "company_id",
                unique: true,
                filter: "is_default");

            migrationBuilder.CreateIndex(
                name: "ix_teams_parent_team_id",
                table: "teams",
                column: "parent_team_id");

            // A team's name is unique in its company ignoring case (TeamRules checks it first, under the company lock).
            migrationBuilder.Sql("CREATE UNIQUE INDEX ix_teams_company_id_lower_name ON teams (company_id, lower(name));");

            // Existing companies (SPEC §10): one default team, named after the company, holding every member (their primary
            // team) with the company's managers and admins as its team managers, so nothing changes until an admin
            // configures more. Ids are UUIDs as the application makes them (gen_random_uuid, built into Postgres 13+).
            migrationBuilder.Sql("""
                INSERT INTO teams (id, company_id, name, parent_team_id, is_default, created_at, updated_at)
                SELECT gen_random_uuid(), c.id, c.name, NULL, TRUE, now(), now() FROM companies c;
                INSERT INTO team_members (id, team_id, membership_id, is_primary, created_at, updated_at)
                SELECT gen_random_uuid(), t.id, m.id, TRUE, now(), now()
                FROM memberships m JOIN teams t ON t.company_id = m.company_id AND t.is_default;
                INSERT INTO team_managers (id, team_id, membership_id, created_at, updated_at)
                SELECT gen_random_uuid(), t.id, m.id, now(), now()
                FROM memberships m JOIN teams t ON t.company_id = m.company_id AND t.is_default
                WHERE m.role IN ('MANAGER', 'ADMIN');
                """);

            // A team change raises the company's data version like any other change its cached views show (see
            // CompanyDataVersionTriggers): the calendar, stats and lists filtered by team depend on who is in which team.
            migrationBuilder.Sql("""
                CREATE FUNCTION arkoa_team_data_changed() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    IF TG_TABLE_NAME = 'teams' THEN
                        IF TG_OP <> 'INSERT' THEN PERFORM arkoa_raise_company_version(OLD.company_id); END IF;
                        IF TG_OP <> 'DELETE' THEN PERFORM arkoa_raise_company_version(NEW.company_id); END IF;
                    ELSE
                        PERFORM arkoa_raise_company_version(m.company_id) FROM memberships m
                        WHERE m.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.membership_id ELSE NEW.membership_id END;
                    END IF;
                    RETURN NULL;
                END
                $$;
                CREATE CONSTRAINT TRIGGER trg_teams_company_data AFTER INSERT OR UPDATE OR DELETE ON teams
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_team_data_changed();
                CREATE CONSTRAINT TRIGGER trg_team_members_company_data AFTER INSERT OR UPDATE OR DELETE ON team_members
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_team_data_changed();
                CREATE CONSTRAINT TRIGGER trg_team_managers_company_data AFTER INSERT OR UPDATE OR DELETE ON team_managers
                    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION arkoa_team_data_changed();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP TRIGGER trg_teams_company_data ON teams;
                DROP TRIGGER trg_team_members_company_data ON team_members;
                DROP TRIGGER trg_team_managers_company_data ON team_managers;
                DROP FUNCTION arkoa_team_data_changed();
                """);

            migrationBuilder.DropTable(
                name: "team_managers");

            migrationBuilder.DropTable(
                name: "team_members");

            migrationBuilder.DropTable(
                name: "teams");
        }
    }
}
