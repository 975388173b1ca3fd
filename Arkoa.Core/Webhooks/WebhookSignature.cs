using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// The <c>Arkoa-Signature</c> header, as Stripe and GitHub sign theirs: <c>t=&lt;unix seconds&gt;,v1=&lt;hex&gt;</c>
/// where v1 is the HMAC-SHA256, keyed with the endpoint's secret, of <c>"&lt;t&gt;.&lt;body&gt;"</c>. Signing the
/// timestamp with the body lets a receiver refuse a replayed old delivery (<see cref="DefaultTolerance"/>).
/// </summary>
public static class WebhookSignature
{
    public const string HeaderName = "Arkoa-Signature";

    /// <summary>How old a signed timestamp a receiver should accept, at most.</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    public static string Header(string secret, long unixSeconds, string body) =>
        $"t={unixSeconds.ToString(CultureInfo.InvariantCulture)},v1={Compute(secret, unixSeconds, body)}";

    /// <summary>The lowercase hex HMAC-SHA256 of <c>"t.body"</c>.</summary>
    public static string Compute(string secret, long unixSeconds, string body) =>
        Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret),
            Encoding.UTF8.GetBytes($"{unixSeconds.ToString(CultureInfo.InvariantCulture)}.{body}"))).ToLowerInvariant();

    /// <summary>
    /// What a receiver does: true when one v1 of the header matches the body (compared in constant time) and its
    /// timestamp is within <paramref name="tolerance"/> of <paramref name="now"/>.
    /// </summary>
    public static bool Verify(string secret, string? header, string body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(header)) return false;
        long? timestamp = null;
        var signatures = new List<string>();
        foreach (var part in header.Split(','))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2) continue;
            if (pair[0].Trim() == "t" && long.TryParse(pair[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var t)) timestamp = t;
            else if (pair[0].Trim() == "v1") signatures.Add(pair[1].Trim());
        }
        if (timestamp is not { } seconds || signatures.Count == 0) return false;
        if ((now - DateTimeOffset.FromUnixTimeSeconds(seconds)).Duration() > tolerance) return false;
        var expected = Encoding.ASCII.GetBytes(Compute(secret, seconds, body));
        return signatures.Any(s => CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(s)));
    }
}
