using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class CompanyApiTokensAndDeliveryRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "company_api_token_id",
                table: "leave_status_changes",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "company_api_token_id",
                table: "leave_balance_history",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "company_api_tokens",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    company_id = table.Column<Guid>(type: "uuid", nullable: false),
                    created_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    scopes = table.Column<string[]>(type: "text[]", nullable: false),
                    token_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    expires_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    last_used_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revoked_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    revoked_by_id = table.Column<Guid>(type: "uuid", nullable: true),
                    created_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    updated_at = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_company_api_tokens", x => x.id);
                    table.CheckConstraint("ck_company_api_tokens_scopes", "cardinality(scopes) > 0 AND scopes <@ ARRAY['read','write','approve']::text[]");
                    table.ForeignKey(
                        name: "fk_company_api_tokens_companies_company_id",
                        column: x => x.company_id,
                        principalTable: "companies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_company_api_tokens_users_created_by_id",
                        column: x => x.created_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_company_api_tokens_users_revoked_by_id",
                        column: x => x.revoked_by_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_webhook_deliveries_company_id_delivered_at",
                table: "webhook_deliveries",
                columns: new[] { "company_id", "delivered_at" },
                filter: "delivered_at IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_company_api_tokens_company_id",
                table: "company_api_tokens",
                column: "company_id");

            migrationBuilder.CreateIndex(
                name: "ix_company_api_tokens_created_by_id",
                table: "company_api_tokens",
                column: "created_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_company_api_tokens_revoked_by_id",
                table: "company_api_tokens",
                column: "revoked_by_id");

            migrationBuilder.CreateIndex(
                name: "ix_company_api_tokens_token_hash",
                table: "company_api_tokens",
                column: "token_hash",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "company_api_tokens");

            migrationBuilder.DropIndex(
                name: "ix_webhook_deliveries_company_id_delivered_at",
                table: "webhook_deliveries");

            migrationBuilder.DropColumn(
                name: "company_api_token_id",
                table: "leave_status_changes");

            migrationBuilder.DropColumn(
                name: "company_api_token_id",
                table: "leave_balance_history");
        }
    }
}
