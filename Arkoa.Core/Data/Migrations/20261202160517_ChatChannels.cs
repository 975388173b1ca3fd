using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class ChatChannels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "encrypted_secret",
                table: "webhook_endpoints",
                type: "character varying(4000)",
                maxLength: 4000,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<string>(
                name: "kind",
                table: "webhook_endpoints",
                type: "character varying(10)",
                maxLength: 10,
                nullable: false,
                defaultValue: "WEBHOOK"); // the endpoints registered before chat channels are all signed webhooks

            migrationBuilder.AddColumn<string>(
                name: "language",
                table: "webhook_endpoints",
                type: "character varying(2)",
                maxLength: 2,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "kind",
                table: "webhook_endpoints");

            migrationBuilder.DropColumn(
                name: "language",
                table: "webhook_endpoints");

            migrationBuilder.AlterColumn<string>(
                name: "encrypted_secret",
                table: "webhook_endpoints",
                type: "character varying(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "character varying(4000)",
                oldMaxLength: 4000);
        }
    }
}
