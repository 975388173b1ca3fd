using System.Security.Cryptography;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// An endpoint's signing secret: <see cref="Prefix"/> then 43 random base62 characters (the API tokens' alphabet, about
/// 256 bits). The prefix lets secret scanners and people recognise a leaked one. Shown once, at creation and at each rotation.
/// </summary>
public static class WebhookSecret
{
    public const string Prefix = "whsec_";
    public const int RandomLength = 43;

    public static string Create() => Prefix + RandomNumberGenerator.GetString(Tokens.PrefixedSecret.Alphabet, RandomLength);
}
