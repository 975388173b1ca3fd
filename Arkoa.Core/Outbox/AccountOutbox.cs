namespace Arkoa.Core.Outbox;

public static partial class OutboxKinds
{
    public const string ResetPassword = "auth.reset-password";
    public const string EmailChange = "account.email-change";
}

/// <summary>
/// Payload of <see cref="OutboxKinds.ResetPassword"/>: the raw token builds the link. Written by SQL in the Api
/// (see PasswordResetIssuer), so its JSON names (camelCase) are part of the contract.
/// </summary>
public sealed record ResetPasswordPayload(string To, string Name, string Token, string Language);

/// <summary>Payload of <see cref="OutboxKinds.EmailChange"/>: confirm the new address the user gave.</summary>
public sealed record EmailChangePayload(string To, string Name, string Token, string Language);
