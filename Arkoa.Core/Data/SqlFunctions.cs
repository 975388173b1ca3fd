namespace Arkoa.Core.Data;

/// <summary>
/// Arkoa's own SQL functions that queries call, mapped in <see cref="ArkoaDbContext"/> (created by the migration
/// AccentInsensitiveSearch). Their C# bodies never run: EF Core writes the call into the SQL.
/// </summary>
public static class SqlFunctions
{
    /// <summary>
    /// <c>arkoa_unaccent(text)</c>: the text without its accents, by Postgres's unaccent extension ("Hélène" → "Helene",
    /// "Zoé" → "Zoe", "Œ" → "OE"), so a search finds French names however they are typed (issue 14 §14). Compare both
    /// sides through it, then ILIKE ignores the case, which after unaccent is plain ASCII in names.
    /// </summary>
    public static string Unaccent(string text) =>
        throw new InvalidOperationException("arkoa_unaccent runs in SQL queries only.");
}
