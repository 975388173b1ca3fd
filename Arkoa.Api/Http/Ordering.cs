using System.Linq.Expressions;

namespace Arkoa.Api.Http;

/// <summary>OrderBy or OrderByDescending by a flag, for lists sorted on the column a user picked.</summary>
public static class Ordering
{
    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> source, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? source.OrderByDescending(key) : source.OrderBy(key);

    public static IOrderedQueryable<T> ThenBy<T, TKey>(this IOrderedQueryable<T> source, Expression<Func<T, TKey>> key, bool descending) =>
        descending ? source.ThenByDescending(key) : source.ThenBy(key);
}
