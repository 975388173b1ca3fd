using System.ComponentModel;
using Arkoa.Api.Http;
using Arkoa.Core.Domain;
using Arkoa.Core.Text;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Contracts;

/// <summary>The column a list is sorted on and which way; null from <see cref="SortQuery.Parse"/> means the list's own order.</summary>
public sealed record ListSort(string Key, bool Descending);

/// <summary>
/// ?sort=start&amp;dir=desc on a list (issue 14 §14): one of the list's columns (each list names its own), ascending by
/// default. Read as strings so a bad value is a 400 naming "sort" or "dir".
/// </summary>
public sealed class SortQuery
{
    private static readonly string[] Directions = ["asc", "desc"];

    [FromQuery(Name = "sort"), Description("The column to sort on (each list names its own columns); the list's own order when absent.")]
    public string? Sort { get; init; }

    [FromQuery(Name = "dir"), Description("asc (the default) or desc.")]
    public string? Dir { get; init; }

    /// <summary>The sort asked for among <paramref name="keys"/>, or null for the list's own order.</summary>
    public ListSort? Parse(IReadOnlyCollection<string> keys, FieldErrors errors)
    {
        var descending = false;
        if (!string.IsNullOrWhiteSpace(Dir))
        {
            var dir = Dir.Trim().ToLowerInvariant();
            if (!Directions.Contains(dir)) Refuse(errors, "dir", Directions);
            descending = dir == "desc";
        }
        if (string.IsNullOrWhiteSpace(Sort)) return null;
        var key = keys.FirstOrDefault(k => string.Equals(k, Sort.Trim(), StringComparison.OrdinalIgnoreCase));
        if (key is null)
        {
            Refuse(errors, "sort", keys);
            return null;
        }
        return new ListSort(key, descending);
    }

    private static void Refuse(FieldErrors errors, string field, IReadOnlyCollection<string> allowed) =>
        errors.Set(field, ProblemCodes.InvalidChoice, $"{field} must be one of {string.Join(", ", allowed)}.",
            new Dictionary<string, object?> { ["allowed"] = allowed });
}

/// <summary>?q=… on a list: the words looked for in names (and, for managers, e-mail addresses), case-insensitively.</summary>
public sealed class SearchQuery
{
    [FromQuery(Name = "q"), Description("Words to look for, up to 100 characters; case is ignored, % and _ match themselves.")]
    public string? Q { get; init; }

    /// <summary>The ILIKE pattern of the search (escaped with <see cref="SearchPattern.Escape"/>), or null when there is none.</summary>
    public string? Pattern(FieldErrors errors)
    {
        if (SearchPattern.Normalize(Q) is not { } words) return null;
        if (words.Length > SearchPattern.MaxLength)
        {
            errors.Set("q", ProblemCodes.TooLong, $"q must be at most {SearchPattern.MaxLength} characters.",
                new Dictionary<string, object?> { ["max"] = SearchPattern.MaxLength });
            return null;
        }
        return SearchPattern.Contains(words);
    }
}
