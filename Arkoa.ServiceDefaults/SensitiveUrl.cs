using System.Text.RegularExpressions;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// Some URLs carry a secret: invitation links (<c>/api/invitations/{token}</c>) in their path, e-mail links and
/// calendar feeds (<c>?token=</c>) in their query. Anything that records a URL (logs, traces) records it through this.
/// </summary>
public static partial class SensitiveUrl
{
    public const string Placeholder = "REDACTED";

    public static string Redact(string url) =>
        QueryToken().Replace(InvitationToken().Replace(url, "$1" + Placeholder), "$1" + Placeholder);

    public static bool NeedsRedaction(string url) => InvitationToken().IsMatch(url) || QueryToken().IsMatch(url);

    [GeneratedRegex("(/invitations/)[^/?#]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvitationToken();

    [GeneratedRegex("([?&]token=)[^&#]*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex QueryToken();
}
