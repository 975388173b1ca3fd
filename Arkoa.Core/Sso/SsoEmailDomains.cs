using System.Globalization;

namespace Arkoa.Core.Sso;

/// <summary>
/// E-mail domains as single sign-on compares them: the part after the last "@", trimmed, without a final dot,
/// lower-case and in its ASCII (IDN "xn--") form, so "Exemple.FR", "exemple.fr." and an internationalised name written
/// in Unicode or Punycode all compare equal. A domain matches itself only: "exemple.fr" does not let "sub.exemple.fr"
/// (or "evilexemple.fr") in; an admin lists each domain.
/// </summary>
public static class SsoEmailDomains
{
    public const int MaxLength = 253;
    private static readonly IdnMapping Idn = new() { UseStd3AsciiRules = true };

    /// <summary>The normalised domain, or null when it is not a valid host name of at least two labels.</summary>
    public static string? Normalize(string? domain)
    {
        var trimmed = domain?.Trim().TrimEnd('.');
        if (string.IsNullOrEmpty(trimmed) || trimmed.Contains('@')) return null;
        string ascii;
        try
        {
            ascii = Idn.GetAscii(trimmed).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }
        if (ascii.Length > MaxLength) return null;
        var labels = ascii.Split('.');
        return labels.Length >= 2 && labels.All(l => l.Length is > 0 and <= 63) ? ascii : null;
    }

    /// <summary>The normalised domain of an address (after its last "@"), or null when it has none.</summary>
    public static string? Of(string? email)
    {
        var at = email?.LastIndexOf('@') ?? -1;
        return at <= 0 ? null : Normalize(email![(at + 1)..]);
    }

    /// <summary>Whether the address's domain is one of the (normalised) allowed domains.</summary>
    public static bool IsAllowed(string? email, IReadOnlyCollection<string> allowedDomains) =>
        Of(email) is { } domain && allowedDomains.Contains(domain, StringComparer.Ordinal);
}
