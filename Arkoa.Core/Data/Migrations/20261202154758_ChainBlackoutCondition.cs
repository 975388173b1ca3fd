using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChainBlackoutCondition : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "when_in_blackout",
                table: "approval_steps",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "when_in_blackout",
                table: "approval_steps");
        }
    }
}
