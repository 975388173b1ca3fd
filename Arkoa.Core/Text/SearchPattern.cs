using System.Text;

namespace Arkoa.Core.Text;

/// <summary>
/// What a list's search box looks for (issue 14 §14): the words typed, as one LIKE pattern matching them anywhere in a
/// name or an address. The typed text is data, never pattern syntax: "%" and "_" match themselves, so "a_b" does not
/// find "axb" and "%" does not find everyone.
/// </summary>
public static class SearchPattern
{
    /// <summary>Longer than any name or address worth typing; a longer search is refused rather than cut.</summary>
    public const int MaxLength = 100;

    /// <summary>The escape character of <see cref="Contains"/>'s pattern (ILIKE … ESCAPE '\').</summary>
    public const string Escape = "\\";

    /// <summary>
    /// The text trimmed with its runs of spaces made one (as names are typed), or null when nothing is left to look for.
    /// </summary>
    public static string? Normalize(string? text)
    {
        if (text is null) return null;
        var words = text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words);
    }

    /// <summary>A pattern matching any text that holds <paramref name="normalized"/> (from <see cref="Normalize"/>) literally.</summary>
    public static string Contains(string normalized)
    {
        var pattern = new StringBuilder(normalized.Length + 8).Append('%');
        foreach (var c in normalized)
        {
            if (c is '%' or '_' or '\\') pattern.Append('\\');
            pattern.Append(c);
        }
        return pattern.Append('%').ToString();
    }
}
