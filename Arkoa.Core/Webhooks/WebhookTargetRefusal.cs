namespace Arkoa.Core.Webhooks;

/// <summary>Why a webhook address is refused (the problem's <c>reason</c> value, kebab-case).</summary>
public enum WebhookTargetRefusal
{
    NotAbsolute,
    TooLong,
    HttpsRequired,
    Credentials,
    Fragment,
    LocalName,
    PrivateAddress,
    Unresolvable,
}
