namespace Arkoa.Web.Api;

/// <summary>One page of any list the Api pages (its <c>PagedList</c>): the items, how many there are in all, which page.</summary>
public sealed record PagedList<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
