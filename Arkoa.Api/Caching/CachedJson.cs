using System.IO.Compression;
using System.Text.Json;
using Microsoft.Net.Http.Headers;

namespace Arkoa.Api.Caching;

/// <summary>
/// A cached view kept as its UTF-8 JSON and, compressed once, as gzip: a large view that many requests read (a busy
/// month's calendar of 1,000 members is ~160 KB) is then neither serialised nor compressed per request, and a client
/// that accepts gzip, as every browser does, receives under a quarter of the bytes.
/// </summary>
public sealed class CachedJson
{
    private const string ContentType = "application/json; charset=utf-8";

    private CachedJson(byte[] utf8, byte[] gzip) => (Utf8, Gzip) = (utf8, gzip);

    public byte[] Utf8 { get; }

    public byte[] Gzip { get; }

    /// <summary>What the entry costs the cache, in bytes.</summary>
    public long Bytes => Utf8.Length + Gzip.Length;

    public static CachedJson From<T>(T value, JsonSerializerOptions options)
    {
        var utf8 = JsonSerializer.SerializeToUtf8Bytes(value, options);
        using var compressed = new MemoryStream(utf8.Length / 4 + 64);
        using (var gzip = new GZipStream(compressed, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(utf8);
        return new CachedJson(utf8, compressed.ToArray());
    }

    /// <summary>The gzip bytes when the request accepts gzip, the plain JSON otherwise.</summary>
    public IResult ToResult(HttpContext context)
    {
        // Shared caches must keep the two forms apart.
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        if (!AcceptsGzip(context.Request)) return TypedResults.Bytes(Utf8, ContentType);
        context.Response.Headers.ContentEncoding = "gzip";
        return TypedResults.Bytes(Gzip, ContentType);
    }

    private static bool AcceptsGzip(HttpRequest request)
    {
        double? wildcard = null;
        foreach (var coding in request.GetTypedHeaders().AcceptEncoding)
        {
            var quality = coding.Quality ?? 1;
            if (coding.Value.Equals("gzip", StringComparison.OrdinalIgnoreCase)) return quality > 0;
            if (coding.Value.Equals("*", StringComparison.Ordinal)) wildcard = quality;
        }
        return wildcard > 0;
    }
}
