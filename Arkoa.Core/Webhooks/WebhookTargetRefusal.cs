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

    /// <summary>A chat channel's address is not on its service's hosts (<see cref="ChatChannelUrl"/>).</summary>
    NotChatHost,
}
