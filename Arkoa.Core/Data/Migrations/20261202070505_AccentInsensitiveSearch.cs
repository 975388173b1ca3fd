using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Arkoa.Core.Data.Migrations
{
    /// <inheritdoc />
    public partial class AccentInsensitiveSearch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Accent-insensitive search (issue 14 §14, SqlFunctions.Unaccent). unaccent is a contrib extension shipped with
            // the Debian package (local mode) and the postgres image (containers mode), and one of Azure Database for
            // PostgreSQL's (allow-listed in azure.extensions, docs/deployment.md); it is trusted, so the database's owner
            // (arkoa_owner, who migrates) may create it without being a superuser. Nothing is downloaded.
            // unaccent() itself is only STABLE (its dictionary could change); the wrapper names the dictionary and is
            // IMMUTABLE, so the planner inlines it and an index could be built on it.
            // Indexes: a search is a contains pattern (ILIKE '%…%'), which no b-tree index serves, accents or not, and it
            // always runs inside one company, whose rows the company indexes find first; 5,000 members' names through
            // unaccent are a small scan. A company far larger would want pg_trgm's GIN index on arkoa_unaccent(name).
            migrationBuilder.Sql("""
                CREATE EXTENSION IF NOT EXISTS unaccent WITH SCHEMA public;
                CREATE OR REPLACE FUNCTION arkoa_unaccent(text) RETURNS text
                    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
                    AS $$ SELECT public.unaccent('public.unaccent'::regdictionary, $1) $$;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                DROP FUNCTION IF EXISTS arkoa_unaccent(text);
                DROP EXTENSION IF EXISTS unaccent;
                """);
        }
    }
}
