using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The operations key (<c>Ops:Key</c>, the AppHost's "worker-ops-key" secret parameter) that operators and the dashboard's
/// commands send in <see cref="Header"/>: it opens the Worker's /ops endpoints and the details of the Api's /api/health.
/// </summary>
public static class OpsKey
{
    public const string Header = "X-Arkoa-Ops-Key";
    public const string Setting = "Ops:Key";

    /// <summary>Whether the request carries the configured key; never when no key is configured. Compared in constant time.</summary>
    public static bool IsPresented(HttpRequest request, string? expected)
    {
        if (string.IsNullOrEmpty(expected)) return false;
        var given = request.Headers[Header].ToString();
        // Hashing both sides first makes the comparison constant-time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));
    }
}
