namespace Arkoa.Core.Outbox;

public static partial class OutboxKinds
{
    /// <summary>Someone tried to sign up with, or move another account to, an address that has an account: to its owner.</summary>
    public const string AddressInUse = "account.address-in-use";

    /// <summary>The account moved to a new address: to the former one, with the 7-day undo link.</summary>
    public const string EmailChanged = "account.email-changed";

    /// <summary>The password was changed from a signed-in session.</summary>
    public const string PasswordChanged = "account.password-changed";

    /// <summary>The password was reset through a mailed link.</summary>
    public const string PasswordResetDone = "account.password-reset-done";
}

/// <summary>What was tried with an address that already has an account (<see cref="AddressInUsePayload.Attempt"/>).</summary>
public static class AddressInUseAttempts
{
    public const string SignUp = "sign-up";
    public const string EmailChange = "email-change";
}

/// <summary>Payload of <see cref="OutboxKinds.AddressInUse"/>, in the owner's language.</summary>
public sealed record AddressInUsePayload(string To, string Name, string Attempt, string Language);

/// <summary>Payload of <see cref="OutboxKinds.EmailChanged"/>: the raw undo token builds the link.</summary>
/// <param name="TimeZone">The IANA zone <see cref="UndoExpiresAt"/> is written in (<see cref="MailTimeZones"/>); null in mails queued before it.</param>
public sealed record EmailChangedPayload(
    string To, string Name, string NewEmail, string UndoToken, DateTime UndoExpiresAt, string Language, string? TimeZone = null);

/// <summary>Payload of <see cref="OutboxKinds.PasswordChanged"/> and <see cref="OutboxKinds.PasswordResetDone"/>.</summary>
/// <param name="TimeZone">The IANA zone <see cref="At"/> is written in (<see cref="MailTimeZones"/>); null in mails queued before it.</param>
public sealed record PasswordNoticePayload(string To, string Name, DateTime At, string Language, string? TimeZone = null);
