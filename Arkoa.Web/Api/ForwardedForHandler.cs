using System.Net;

namespace Arkoa.Web.Api;

/// <summary>
/// Tells the Api which browser a call is made for — its address (X-Forwarded-For), so per-client limits such as
/// the sign-in delay do not lump every user together as "the Web", and its user agent, so the session list names
/// the device — and proves with the shared key (<c>Arkoa:WebKey</c>) that the Web says so, not someone else.
/// </summary>
internal sealed class ForwardedForHandler(IHttpContextAccessor httpContextAccessor, IConfiguration configuration) : DelegatingHandler
{
    private const string ForwardedForHeader = "X-Forwarded-For";
    // The Api's WebClientProof reads these; the names are repeated, as the Web does not reference the Api.
    private const string KeyHeader = "X-Arkoa-Web-Key";
    private const string KeySetting = "Arkoa:WebKey";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (configuration[KeySetting] is { Length: > 0 } key)
        {
            request.Headers.Remove(KeyHeader);
            request.Headers.TryAddWithoutValidation(KeyHeader, key);
        }
        var browser = httpContextAccessor.HttpContext;
        if (browser?.Connection.RemoteIpAddress is { } address)
        {
            // Set, never appended: what the browser claimed is not ours to pass on.
            request.Headers.Remove(ForwardedForHeader);
            request.Headers.TryAddWithoutValidation(ForwardedForHeader, Normalize(address).ToString());
        }
        if (browser?.Request.Headers.UserAgent.ToString() is { Length: > 0 } userAgent)
        {
            request.Headers.UserAgent.Clear();
            request.Headers.TryAddWithoutValidation("User-Agent", userAgent);
        }
        return base.SendAsync(request, cancellationToken);
    }

    private static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
