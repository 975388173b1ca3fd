using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Contracts;

/// <summary>The envelope of every list: one page of items in a deterministic order, and the total.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>?page=1&amp;pageSize=50 (max 200).</summary>
public sealed class PageQuery
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    [FromQuery(Name = "page")] public int? Page { get; init; }
    [FromQuery(Name = "pageSize")] public int? PageSize { get; init; }

    public int Number => Page ?? 1;
    public int Size => PageSize ?? DefaultSize;
    public int Skip => (Number - 1) * Size;

    /// <summary>The field errors of this query, if any, in the problem-details shape.</summary>
    public Dictionary<string, string[]> Errors()
    {
        var errors = new Dictionary<string, string[]>();
        if (Number < 1) errors["page"] = ["page must be 1 or more."];
        if (Size is < 1 or > MaxSize) errors["pageSize"] = [$"pageSize must be between 1 and {MaxSize}."];
        return errors;
    }
}
