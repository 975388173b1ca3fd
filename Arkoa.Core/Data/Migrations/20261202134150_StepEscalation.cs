using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class StepEscalation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "escalate_after_working_days",
                table: "companies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "leave_escalations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    leave_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_escalations", x => x.id);
                    table.ForeignKey(
                        name: "fk_leave_escalations_leaves_leave_id",
                        column: x => x.leave_id,
                        principalTable: "leaves",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.AddCheckConstraint(
                name: "ck_companies_escalate_after_working_days",
                table: "companies",
                sql: "escalate_after_working_days BETWEEN 0 AND 30");

            migrationBuilder.CreateIndex(
                name: "ix_leave_escalations_leave_id_round_step",
                table: "leave_escalations",
                columns: new[] { "leave_id", "round", "step" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "leave_escalations");

            migrationBuilder.DropCheckConstraint(
                name: "ck_companies_escalate_after_working_days",
                table: "companies");

            migrationBuilder.DropColumn(
                name: "escalate_after_working_days",
                table: "companies");
        }
    }
}
