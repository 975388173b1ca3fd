using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CapacityRulesAndBlackouts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "maximum_absent",
                table: "teams",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "minimum_present",
                table: "teams",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "coverage_overridden",
                table: "leave_status_changes",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "blackout_periods",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    team_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    leave_types = table.Column<string[]>(type: "character varying(20)[]", nullable: false),
                    effect = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_blackout_periods", x => x.id);
                    table.CheckConstraint("ck_blackout_periods_dates", "end_date >= start_date");
                    table.CheckConstraint("ck_blackout_periods_types", "cardinality(leave_types) > 0");
                    table.ForeignKey(
                        name: "fk_blackout_periods_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_blackout_periods_teams_team_id",
                        column: x => x.team_id,
                        principalTable: "teams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_teams_maximum_absent",
                table: "teams",
                sql: "maximum_absent IS NULL OR maximum_absent BETWEEN 0 AND 10000");

            migrationBuilder.AddCheckConstraint(
                name: "ck_teams_minimum_present",
                table: "teams",
                sql: "minimum_present IS NULL OR minimum_present BETWEEN 1 AND 10000");

            migrationBuilder.CreateIndex(
                name: "ix_blackout_periods_company_id_start_date",
                table: "blackout_periods",
                columns: new[] { "company_id", "start_date" });

            migrationBuilder.CreateIndex(
                name: "ix_blackout_periods_team_id",
                table: "blackout_periods",
                column: "team_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "blackout_periods");

            migrationBuilder.DropCheckConstraint(
                name: "ck_teams_maximum_absent",
                table: "teams");

            migrationBuilder.DropCheckConstraint(
                name: "ck_teams_minimum_present",
                table: "teams");

            migrationBuilder.DropColumn(
                name: "maximum_absent",
                table: "teams");

            migrationBuilder.DropColumn(
                name: "minimum_present",
                table: "teams");

            migrationBuilder.DropColumn(
                name: "coverage_overridden",
                table: "leave_status_changes");
        }
    }
}
