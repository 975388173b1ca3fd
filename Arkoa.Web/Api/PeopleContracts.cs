namespace Arkoa.Web.Api;

// Wire shapes of the Api's member, invitation and balance endpoints as the Team and member pages use them
// (JSON, camelCase; roles, leave types and statuses are strings such as "MANAGER", "PAID").

/// <summary>
/// A membership as a manager sees it on the Team page, with what the Api says the caller may do with it
/// (<c>allowedActions</c>: change-role, deactivate, reactivate): the Web shows those controls only.
/// </summary>
public sealed record TeamMember(
    string Id, string UserId, string Name, string Email, string Role, bool Active, DateOnly JoinedOn,
    IReadOnlyList<string>? AllowedActions = null)
{
    public bool Allows(string action) => AllowedActions?.Contains(action) == true;
}

/// <summary>An open invitation (its token only ever travels by mail).</summary>
public sealed record SentInvitation(string Id, string Email, string Role, DateTime ExpiresAt, DateTime CreatedAt);

/// <summary>An invitation just mailed; <c>Resent</c> when it replaced an earlier, unaccepted one to the same address.</summary>
public sealed record InvitationSent(string Id, string Email, bool Resent);

/// <summary>What the invitation link shows before accepting; readable without a session.</summary>
public sealed record InvitationPreview(string CompanyName, string Email, string Role, DateTime ExpiresAt, string? InvitedByName, string? TimeZone);

/// <summary>
/// One balance change: <see cref="Type"/> is the history type (MANUEL_CREDIT…), <see cref="LeaveType"/> the balance's;
/// <see cref="Facts"/> what it is about (null on entries older than facts, which show their English <see cref="Reason"/>).
/// </summary>
public sealed record BalanceHistoryEntry(
    string Id, string LeaveType, decimal Change, string Type, string? Reason, string? ActorName, DateTime CreatedAt,
    BalanceChangeFacts? Facts = null);

/// <summary>Why a balance changed (Cause: LEAVE_REJECTED, YEARLY_CREDIT…) and the facts that cause names.</summary>
public sealed record BalanceChangeFacts(
    string Cause, LeaveFacts? Leave, LeaveFacts? Before, int? Year, decimal? AnnualDays, decimal? Left, decimal? Carried,
    decimal? Cap, decimal? Expired, decimal? Taken, DateOnly? Date);

/// <summary>A leave as a balance change names it.</summary>
public sealed record LeaveFacts(string Type, DateOnly Start, DateOnly End, decimal Days);

internal sealed record AddMemberRequest(string Email, string Role);

internal sealed record UpdateMemberRequest(string? Role, bool? Active);

internal sealed record AdjustBalanceRequest(string Type, decimal Change, string Reason, string HistoryType);
