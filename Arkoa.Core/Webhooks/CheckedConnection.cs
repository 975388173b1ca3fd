using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// The connection every request to an admin-given address goes through (webhooks, chat channels, single sign-on
/// providers), as a <see cref="SocketsHttpHandler.ConnectCallback"/>: it resolves the host itself and refuses it unless
/// all its addresses are allowed (<see cref="WebhookTargetRules.CheckResolved"/>), then connects to exactly those
/// addresses, so a name that resolved to a public address when it was registered cannot be rebound to 127.0.0.1 or the
/// cloud's metadata service later (DNS rebinding).
/// </summary>
public static class CheckedConnection
{
    /// <summary>The addresses a host name resolves to, as <see cref="Dns.GetHostAddressesAsync(string, CancellationToken)"/> gives them.</summary>
    public delegate Task<IPAddress[]> HostResolver(string host, CancellationToken cancellationToken);

    /// <summary>
    /// A handler for calls to admin-given addresses: no redirect followed (a 3xx could lead anywhere, past the checks),
    /// no proxy, no cookies, and every connection checked.
    /// </summary>
    public static SocketsHttpHandler Handler(bool allowPrivate, HostResolver? resolve = null) => new()
    {
        AllowAutoRedirect = false,
        UseProxy = false,
        UseCookies = false,
        ConnectCallback = Callback(allowPrivate, resolve ?? Dns.GetHostAddressesAsync),
        PooledConnectionLifetime = TimeSpan.FromMinutes(1),
    };

    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> Callback(bool allowPrivate, HostResolver resolve) =>
        (context, cancellationToken) => ConnectAsync(context, allowPrivate, resolve, cancellationToken);

    private static async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, bool allowPrivate, HostResolver resolve,
        CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await resolve(host, cancellationToken);
        if (WebhookTargetRules.CheckResolved(addresses, allowPrivate) is { } refusal) throw new TargetRefusedException(refusal);

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}

/// <summary>A connection <see cref="CheckedConnection"/> refused; the HttpClient wraps it in its HttpRequestException.</summary>
public sealed class TargetRefusedException(WebhookTargetRefusal refusal) : Exception(WebhookTargetRules.Explain(refusal))
{
    public WebhookTargetRefusal Refusal { get; } = refusal;
}
