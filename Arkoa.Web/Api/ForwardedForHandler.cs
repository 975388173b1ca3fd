using System.Net;

namespace Arkoa.Web.Api;

/// <summary>
/// Tells the Api which browser a call is made for (X-Forwarded-For), so per-client limits such as
/// sign-in throttling do not lump every user together as "the Web".
/// </summary>
internal sealed class ForwardedForHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    private const string HeaderName = "X-Forwarded-For";

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var address = httpContextAccessor.HttpContext?.Connection.RemoteIpAddress;
        if (address is not null)
        {
            // Set, never appended: what the browser claimed is not ours to pass on.
            request.Headers.Remove(HeaderName);
            request.Headers.TryAddWithoutValidation(HeaderName, Normalize(address).ToString());
        }
        return base.SendAsync(request, cancellationToken);
    }

    private static IPAddress Normalize(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
