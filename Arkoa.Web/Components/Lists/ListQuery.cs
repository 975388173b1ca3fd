using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace Arkoa.Web.Components.Lists;

/// <summary>
/// The state of one list on a page (issue 14 §14), kept in the address so it works without JavaScript, survives a
/// reload and can be shared: its filters, its sort (<c>?sort=start&amp;dir=desc</c>) and its page. A page with two
/// lists gives the second a prefix (<c>h.type</c>), so each keeps its state while the other changes. The values go to
/// the Api as they are: the Api checks them and names a bad one, which the page shows.
/// </summary>
public sealed class ListQuery
{
    /// <summary>What a page says once after an action (Post/Redirect/Get): a sort, filter or page link does not repeat it.</summary>
    private static readonly HashSet<string> OneShot = ["sent", "updated", "canceled", "done", "count", "who", "leave"];

    private readonly Dictionary<string, StringValues> _query;
    private readonly string? _defaultSort;
    private readonly bool _defaultDescending;

    /// <param name="request">The page's request, whose query holds the state.</param>
    /// <param name="path">The page's path, without query.</param>
    /// <param name="filters">The list's filter names, as the Api names them ("status", "type", "from", "to", "q"…).</param>
    /// <param name="prefix">Put before every name of this list in the page's address; empty for the page's main list.</param>
    /// <param name="defaultSort">The column the Api sorts on when none is asked (its own order), shown as the sort.</param>
    /// <param name="defaultDescending">Which way the Api's own order goes on <paramref name="defaultSort"/>.</param>
    public ListQuery(HttpRequest request, string path, IReadOnlyList<string> filters, string prefix = "",
        string? defaultSort = null, bool defaultDescending = false)
    {
        Path = path;
        _query = request.Query.Where(p => !OneShot.Contains(p.Key)).ToDictionary(p => p.Key, p => p.Value);
        Filters = filters;
        Prefix = prefix;
        _defaultSort = defaultSort;
        _defaultDescending = defaultDescending;
    }

    /// <summary>The page's path, without query: where the filter form goes.</summary>
    public string Path { get; }

    public string Prefix { get; }

    public IReadOnlyList<string> Filters { get; }

    /// <summary>The value of one of the list's parameters, trimmed; null when absent or blank.</summary>
    public string? this[string name] =>
        _query.TryGetValue(Prefix + name, out var values) && values.ToString().Trim() is { Length: > 0 } value ? value : null;

    /// <summary>The address name of one of the list's parameters (a form field's name).</summary>
    public string Name(string name) => Prefix + name;

    /// <summary>The column the list is sorted on: the one asked, or the list's own.</summary>
    public string? Sort => this["sort"] ?? _defaultSort;

    public bool Descending => this["sort"] is null ? _defaultDescending : string.Equals(this["dir"], "desc", StringComparison.OrdinalIgnoreCase);

    public int Page => int.TryParse(this["page"], NumberStyles.None, CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;

    /// <summary>Whether any filter narrows the list (an empty list then says so, and offers to show everything).</summary>
    public bool IsFiltered => Filters.Any(f => this[f] is not null);

    /// <summary>The list's filters and sort as the Api reads them: "&amp;status=PENDING&amp;sort=start…", or "".</summary>
    public string ForApi()
    {
        var values = Filters.Select(n => (Name: n, Value: this[n])).ToList();
        if (Sort is { } sort) values.AddRange([("sort", sort), ("dir", Descending ? "desc" : "asc")]);
        return string.Concat(values.Where(v => v.Value is not null).Select(v => $"&{v.Name}={Uri.EscapeDataString(v.Value!)}"));
    }

    /// <summary>This page's address with some of this list's parameters changed (a null value removes one).</summary>
    public string Href(params (string Name, string? Value)[] changes)
    {
        var query = new Dictionary<string, StringValues>(_query);
        foreach (var (name, value) in changes)
        {
            if (string.IsNullOrWhiteSpace(value)) query.Remove(Prefix + name);
            else query[Prefix + name] = value;
        }
        return QueryHelpers.AddQueryString(Path, query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v))));
    }

    /// <summary>The address of page <paramref name="page"/> of the list, as it is filtered and sorted.</summary>
    public string PageHref(int page) => Href(("page", page <= 1 ? null : page.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The address sorting on <paramref name="key"/>: the other way when it is already the sort, from the first page.</summary>
    public string SortHref(string key, bool firstDescending)
    {
        var descending = string.Equals(Sort, key, StringComparison.OrdinalIgnoreCase) ? !Descending : firstDescending;
        return Href(("sort", key), ("dir", descending ? "desc" : "asc"), ("page", null));
    }

    /// <summary>The address without this list's filters, sort and page: the list as it first shows.</summary>
    public string ResetHref() => Href([.. Filters.Append("sort").Append("dir").Append("page").Select(n => (n, (string?)null))]);

    /// <summary>
    /// The page's other parameters (other lists' state), which a filter form carries as hidden fields: submitting a
    /// GET form replaces the whole query. This list's sort is kept too; its page is not (a new filter starts at 1).
    /// </summary>
    public IEnumerable<KeyValuePair<string, string>> KeptByForm() => _query
        .Where(p => !Filters.Any(f => p.Key == Prefix + f) && p.Key != Prefix + "page")
        .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string>(p.Key, v ?? "")));
}
