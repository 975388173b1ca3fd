using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ApprovalChains : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "approval_round",
                table: "leaves",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "approval_step",
                table: "leaves",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "approval_step_count",
                table: "leaves",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "approval_chains",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_chains", x => x.id);
                    table.ForeignKey(
                        name: "fk_approval_chains_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "approval_delegations",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from_membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    to_membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    start_date = table.Column<DateOnly>(type: "date", nullable: false),
                    end_date = table.Column<DateOnly>(type: "date", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_delegations", x => x.id);
                    table.CheckConstraint("ck_approval_delegations_dates", "end_date >= start_date");
                    table.ForeignKey(
                        name: "fk_approval_delegations_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_approval_delegations_memberships_from_membership_id",
                        column: x => x.from_membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_approval_delegations_memberships_to_membership_id",
                        column: x => x.to_membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "leave_approvers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    leave_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    mode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on_behalf_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_approvers", x => x.id);
                    table.ForeignKey(
                        name: "fk_leave_approvers_leaves_leave_id",
                        column: x => x.leave_id,
                        principalTable: "leaves",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_leave_approvers_memberships_membership_id",
                        column: x => x.membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_leave_approvers_memberships_on_behalf_of_id",
                        column: x => x.on_behalf_of_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "leave_step_decisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    leave_id = table.Column<Guid>(type: "uuid", nullable: false),
                    round = table.Column<int>(type: "integer", nullable: false),
                    step = table.Column<int>(type: "integer", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    on_behalf_of_id = table.Column<Guid>(type: "uuid", nullable: true),
                    decision = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_leave_step_decisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_leave_step_decisions_leaves_leave_id",
                        column: x => x.leave_id,
                        principalTable: "leaves",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_leave_step_decisions_memberships_membership_id",
                        column: x => x.membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_leave_step_decisions_memberships_on_behalf_of_id",
                        column: x => x.on_behalf_of_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateTable(
                name: "member_approvers",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    approver_membership_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_member_approvers", x => x.id);
                    table.ForeignKey(
                        name: "fk_member_approvers_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_member_approvers_memberships_approver_membership_id",
                        column: x => x.approver_membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_member_approvers_memberships_membership_id",
                        column: x => x.membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "approval_steps",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    chain_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    approvers = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    named_membership_id = table.Column<Guid>(type: "uuid", nullable: true),
                    mode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    leave_types = table.Column<List<string>>(type: "text[]", nullable: false),
                    more_than_days = table.Column<decimal>(type: "numeric(8,2)", precision: 8, scale: 2, nullable: true),
                    when_balance_goes_negative = table.Column<bool>(type: "boolean", nullable: false),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_approval_steps", x => x.id);
                    table.ForeignKey(
                        name: "fk_approval_steps_approval_chains_chain_id",
                        column: x => x.chain_id,
                        principalTable: "approval_chains",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_approval_steps_memberships_named_membership_id",
                        column: x => x.named_membership_id,
                        principalTable: "memberships",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_approval_chains_company_id",
                table: "approval_chains",
                column: "company_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_approval_delegations_company_id_end_date",
                table: "approval_delegations",
                columns: new[] { "company_id", "end_date" });

            migrationBuilder.CreateIndex(
                name: "ix_approval_delegations_from_membership_id",
                table: "approval_delegations",
                column: "from_membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_delegations_to_membership_id",
                table: "approval_delegations",
                column: "to_membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_approval_steps_chain_id_position",
                table: "approval_steps",
                columns: new[] { "chain_id", "position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_approval_steps_named_membership_id",
                table: "approval_steps",
                column: "named_membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_leave_approvers_leave_id_round_step_membership_id",
                table: "leave_approvers",
                columns: new[] { "leave_id", "round", "step", "membership_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leave_approvers_membership_id",
                table: "leave_approvers",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_leave_approvers_on_behalf_of_id",
                table: "leave_approvers",
                column: "on_behalf_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_leave_step_decisions_leave_id_round_step_membership_id",
                table: "leave_step_decisions",
                columns: new[] { "leave_id", "round", "step", "membership_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_leave_step_decisions_membership_id",
                table: "leave_step_decisions",
                column: "membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_leave_step_decisions_on_behalf_of_id",
                table: "leave_step_decisions",
                column: "on_behalf_of_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_approvers_approver_membership_id",
                table: "member_approvers",
                column: "approver_membership_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_approvers_company_id",
                table: "member_approvers",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_member_approvers_membership_id",
                table: "member_approvers",
                column: "membership_id",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "approval_delegations");

            migrationBuilder.DropTable(
                name: "approval_steps");

            migrationBuilder.DropTable(
                name: "leave_approvers");

            migrationBuilder.DropTable(
                name: "leave_step_decisions");

            migrationBuilder.DropTable(
                name: "member_approvers");

            migrationBuilder.DropTable(
                name: "approval_chains");

            migrationBuilder.DropColumn(
                name: "approval_round",
                table: "leaves");

            migrationBuilder.DropColumn(
                name: "approval_step",
                table: "leaves");

            migrationBuilder.DropColumn(
                name: "approval_step_count",
                table: "leaves");
        }
    }
}
