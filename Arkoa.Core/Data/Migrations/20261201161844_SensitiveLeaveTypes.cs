using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class SensitiveLeaveTypes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string[]>(
                name: "sensitive_leave_types",
                table: "companies",
                type: "character varying(20)[]",
                nullable: false,
                defaultValueSql: "'{SICK,CHILD_SICK,MATERNITY,PATERNITY,PARENTAL,BEREAVEMENT}'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "sensitive_leave_types",
                table: "companies");
        }
    }
}
