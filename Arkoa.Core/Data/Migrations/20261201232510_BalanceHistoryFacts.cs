using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class BalanceHistoryFacts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // What each new ledger entry is about (BalanceChangeFacts), for readers in any language (issue 14 §5). Outside
            // the ledger hash, so the chain is unchanged; the append-only trigger compares whole rows but the reason, so
            // facts can never be changed once written. Older entries keep null and show their English reason.
            migrationBuilder.AddColumn<string>(
                name: "facts",
                table: "leave_balance_history",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "facts",
                table: "leave_balance_history");
        }
    }
}
