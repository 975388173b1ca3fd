using System.ComponentModel;
using Arkoa.Api.Http;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Contracts;

/// <summary>The envelope of every list: one page of items in a deterministic order, and the total.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

/// <summary>?page=1&amp;pageSize=50 (max 200). Read as strings so "page=abc" is a 400 naming "page".</summary>
public sealed class PageQuery
{
    public const int DefaultSize = 50;
    public const int MaxSize = 200;

    /// <summary>Far beyond any real list, and small enough that the offset of the last row fits an int.</summary>
    public const int MaxPage = 1_000_000;

    [FromQuery(Name = "page"), Description("Whole number, 1 (the default) or more.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize"), Description("Whole number from 1 to 200; 50 by default.")]
    public string? PageSize { get; init; }

    public int Number => Parse(new FieldErrors()).Number;
    public int Size => Parse(new FieldErrors()).Size;
    public int Skip => (Number - 1) * Size;

    /// <summary>The field errors of this query, if any, in the problem-details shape.</summary>
    public FieldErrors Errors()
    {
        var errors = new FieldErrors();
        Parse(errors);
        return errors;
    }

    private (int Number, int Size) Parse(FieldErrors errors)
    {
        QueryValues.TryInt(Page, 1, MaxPage, errors, "page", out var number);
        QueryValues.TryInt(PageSize, 1, MaxSize, errors, "pageSize", out var size);
        return (number ?? 1, size ?? DefaultSize);
    }
}
