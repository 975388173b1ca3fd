using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;

namespace Arkoa.Api.Caching;

/// <summary>
/// Company-wide views that are costly to build and read far more often than they change (the calendar, the stats),
/// kept in this replica's memory under the company's data version (<see cref="Core.Domain.CompanyDataVersion"/>).
/// Any committed change the view could show raises the version in the same transaction, so the next request reads
/// a new key: an entry is never served after a change, on any replica. Old entries simply age out.
/// </summary>
public sealed class CompanyViewCache : IDisposable
{
    private const long MaxBytes = 64L * 1024 * 1024;

    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = MaxBytes });

    // Builds in progress: when a burst of requests misses the same key (a new version under load), one builds, all wait.
    private readonly ConcurrentDictionary<object, Lazy<Task<object>>> _building = new();

    /// <summary>The cached view, or the one <paramref name="build"/> makes (with its approximate size in bytes).</summary>
    public async Task<T> GetOrBuildAsync<T>(string view, Guid companyId, long version, string variant, Func<Task<(T Value, long Bytes)>> build)
        where T : class
    {
        object key = (view, companyId, version, variant);
        if (_entries.TryGetValue(key, out T? cached) && cached is not null) return cached;
        var building = _building.GetOrAdd(key, _ => new Lazy<Task<object>>(async () =>
        {
            try
            {
                var (value, bytes) = await build();
                _entries.Set(key, value, new MemoryCacheEntryOptions
                {
                    Size = Math.Clamp(bytes, 1, MaxBytes),
                    SlidingExpiration = TimeSpan.FromMinutes(10),
                });
                return value;
            }
            finally
            {
                _building.TryRemove(key, out Lazy<Task<object>>? _);
            }
        }));
        return (T)await building.Value;
    }

    public void Dispose() => _entries.Dispose();
}
