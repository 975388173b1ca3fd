using System.Net;
using System.Net.Sockets;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// Where Arkoa may post webhooks, against server-side request forgery: an admin must not be able to make the Worker call
/// what only the servers can reach (the cloud's metadata service at 169.254.169.254, Redis, the database, the ops
/// endpoints). An address must be https, without credentials or fragment, to a public host: no loopback, private,
/// link-local, shared, multicast or reserved range (IPv4-mapped and NAT64 IPv6 forms included) and no local name. The
/// Api checks the URL as written; the Worker checks again every resolved address just before it connects (a name may
/// resolve elsewhere later: DNS rebinding). <c>allowPrivate</c> (Development only) lets tests use a receiver on
/// loopback, over http.
/// </summary>
public static class WebhookTargetRules
{
    public const int UrlMaxLength = 2000;

    private static readonly string[] LocalNameSuffixes = [".localhost", ".local", ".internal", ".home.arpa", ".lan"];

    private static readonly (IPAddress Network, int Prefix)[] BlockedV4 =
    [
        (IPAddress.Parse("0.0.0.0"), 8),        // "this" network
        (IPAddress.Parse("10.0.0.0"), 8),       // private
        (IPAddress.Parse("100.64.0.0"), 10),    // shared address space (carrier-grade NAT)
        (IPAddress.Parse("127.0.0.0"), 8),      // loopback
        (IPAddress.Parse("169.254.0.0"), 16),   // link-local, cloud metadata services
        (IPAddress.Parse("172.16.0.0"), 12),    // private
        (IPAddress.Parse("192.0.0.0"), 24),     // IETF protocol assignments
        (IPAddress.Parse("192.0.2.0"), 24),     // documentation
        (IPAddress.Parse("192.88.99.0"), 24),   // 6to4 relay anycast
        (IPAddress.Parse("192.168.0.0"), 16),   // private
        (IPAddress.Parse("198.18.0.0"), 15),    // benchmarking
        (IPAddress.Parse("198.51.100.0"), 24),  // documentation
        (IPAddress.Parse("203.0.113.0"), 24),   // documentation
        (IPAddress.Parse("224.0.0.0"), 4),      // multicast
        (IPAddress.Parse("240.0.0.0"), 4),      // reserved, broadcast
    ];

    private static readonly (IPAddress Network, int Prefix)[] BlockedV6 =
    [
        (IPAddress.Parse("::"), 96),            // unspecified, loopback, IPv4-compatible
        (IPAddress.Parse("100::"), 64),         // discard
        (IPAddress.Parse("2001::"), 23),        // IETF protocol assignments (Teredo included)
        (IPAddress.Parse("2001:db8::"), 32),    // documentation
        (IPAddress.Parse("fc00::"), 7),         // unique local
        (IPAddress.Parse("fe80::"), 10),        // link-local
        (IPAddress.Parse("fec0::"), 10),        // site-local (deprecated)
        (IPAddress.Parse("ff00::"), 8),         // multicast
    ];

    /// <summary>Checks a URL as written; null when it may be registered.</summary>
    public static WebhookTargetRefusal? CheckUrl(string url, bool allowPrivate)
    {
        if (url.Length > UrlMaxLength) return WebhookTargetRefusal.TooLong;
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || string.IsNullOrEmpty(uri.Host))
        {
            return WebhookTargetRefusal.NotAbsolute;
        }
        if (uri.UserInfo.Length > 0) return WebhookTargetRefusal.Credentials;
        if (uri.Fragment.Length > 0) return WebhookTargetRefusal.Fragment;
        var loopback = IsLoopbackHost(uri);
        // Plain http only to this machine, in Development: a test receiver. Anything else would send signed data in clear.
        if (uri.Scheme == "http" && !(allowPrivate && loopback)) return WebhookTargetRefusal.HttpsRequired;
        if (allowPrivate) return null;
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            return IsPublic(IPAddress.Parse(uri.IdnHost.Trim('[', ']'))) ? null : WebhookTargetRefusal.PrivateAddress;
        }
        return IsLocalName(uri.IdnHost) ? WebhookTargetRefusal.LocalName : null;
    }

    /// <summary>Checks what a host name resolved to: every address must be public (one private one is enough to refuse).</summary>
    public static WebhookTargetRefusal? CheckResolved(IReadOnlyCollection<IPAddress> addresses, bool allowPrivate)
    {
        if (addresses.Count == 0) return WebhookTargetRefusal.Unresolvable;
        if (allowPrivate) return null;
        return addresses.All(IsPublic) ? null : WebhookTargetRefusal.PrivateAddress;
    }

    /// <summary>Whether an address is on the public internet (not in any range above, whatever its written form).</summary>
    public static bool IsPublic(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6) return IsPublic(address.MapToIPv4());
            if (EmbeddedIPv4(address) is { } embedded) return IsPublic(embedded);
            return !BlockedV6.Any(range => InRange(address, range.Network, range.Prefix));
        }
        return address.AddressFamily == AddressFamily.InterNetwork && !BlockedV4.Any(range => InRange(address, range.Network, range.Prefix));
    }

    public static string ReasonCode(WebhookTargetRefusal reason) => reason switch
    {
        WebhookTargetRefusal.NotAbsolute => "not-absolute",
        WebhookTargetRefusal.TooLong => "too-long",
        WebhookTargetRefusal.HttpsRequired => "https-required",
        WebhookTargetRefusal.Credentials => "credentials",
        WebhookTargetRefusal.Fragment => "fragment",
        WebhookTargetRefusal.LocalName => "local-name",
        WebhookTargetRefusal.PrivateAddress => "private-address",
        WebhookTargetRefusal.Unresolvable => "unresolvable",
        WebhookTargetRefusal.NotChatHost => "not-chat-host",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    public static string Explain(WebhookTargetRefusal reason) => reason switch
    {
        WebhookTargetRefusal.NotAbsolute => "Give a full address starting with https://.",
        WebhookTargetRefusal.TooLong => $"At most {UrlMaxLength} characters.",
        WebhookTargetRefusal.HttpsRequired => "The address must start with https://.",
        WebhookTargetRefusal.Credentials => "The address cannot contain a user name or password.",
        WebhookTargetRefusal.Fragment => "The address cannot contain a fragment (#…).",
        WebhookTargetRefusal.LocalName => "The address must be a public host, not a local name.",
        WebhookTargetRefusal.PrivateAddress => "The address must be public: loopback, private and link-local addresses are refused.",
        WebhookTargetRefusal.Unresolvable => "The host name does not resolve to any address.",
        WebhookTargetRefusal.NotChatHost => "Paste the incoming-webhook address Slack or Teams gave (hooks.slack.com; *.webhook.office.com, *.logic.azure.com or *.powerplatform.com).",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };

    private static bool IsLoopbackHost(Uri uri) =>
        uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6
            ? IPAddress.IsLoopback(IPAddress.Parse(uri.IdnHost.Trim('[', ']')))
            : uri.IdnHost.Equals("localhost", StringComparison.OrdinalIgnoreCase);

    private static bool IsLocalName(string host)
    {
        var name = host.TrimEnd('.').ToLowerInvariant();
        // A single label ("intranet", "redis", "postgres") is resolved through the server's search domains: local by nature.
        return name == "localhost" || !name.Contains('.') || LocalNameSuffixes.Any(name.EndsWith);
    }

    /// <summary>The IPv4 address inside a NAT64 (64:ff9b::/96) or 6to4 (2002::/16) address, which reach it.</summary>
    private static IPAddress? EmbeddedIPv4(IPAddress address)
    {
        var bytes = address.GetAddressBytes();
        if (InRange(address, IPAddress.Parse("64:ff9b::"), 96)) return new IPAddress(bytes[12..16]);
        if (bytes[0] == 0x20 && bytes[1] == 0x02) return new IPAddress(bytes[2..6]);
        return null;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily) return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        for (var bit = 0; bit < prefix; bit++)
        {
            var mask = 0x80 >> (bit % 8);
            if ((a[bit / 8] & mask) != (n[bit / 8] & mask)) return false;
        }
        return true;
    }
}
