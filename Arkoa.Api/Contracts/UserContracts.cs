using System.ComponentModel.DataAnnotations;
using Arkoa.Api.Http;
using Arkoa.Core.Accounts;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>
/// Only the fields sent are changed. A new <see cref="Email"/> needs <see cref="CurrentPassword"/> and only becomes
/// the account's address once the link mailed to it is followed (it is the pending address meanwhile); sending the
/// current address again withdraws a pending change. <see cref="Theme"/> is the Web's colour theme (ColourThemes).
/// </summary>
public sealed record UpdateMeRequest(
    [property: StringLength(100, MinimumLength = 1)] string? Name,
    [property: EmailAddress, StringLength(254)] string? Email,
    [property: ChoicePattern("^(fr|en)$", ErrorMessage = "The language must be 'fr' or 'en'.")] string? Language,
    [property: StringLength(128)] string? CurrentPassword = null,
    [property: ChoicePattern(ColourThemes.Pattern, ErrorMessage = "The theme must be 'system', 'light' or 'dark'.")] string? Theme = null);

public sealed record DeleteMeRequest([property: Required, StringLength(128)] string? Password);

public sealed record SetActiveMembershipRequest([property: Required] Guid? MembershipId);

public sealed record CompanyRoleResponse(UserRole Role);

/// <summary>GDPR export (SPEC §5): everything Arkoa keeps about the user, but no password or token hash.</summary>
public sealed record UserExport(
    DateTime ExportedAt,
    ExportProfile Profile,
    IReadOnlyList<ExportMembership> Memberships,
    IReadOnlyList<LeaveResponse> Leaves,
    IReadOnlyList<ExportBalance> Balances,
    IReadOnlyList<ExportBalanceHistory> BalanceHistory,
    IReadOnlyList<ExportSession> Sessions,
    IReadOnlyList<ExportApiToken>? ApiTokens = null);

/// <summary>One of the person's API tokens: what it is for and may do, never its secret or hash.</summary>
public sealed record ExportApiToken(
    Guid Id, string Name, Guid CompanyId, IReadOnlyList<string> Scopes, DateTime CreatedAt, DateTime? LastUsedAt, DateTime ExpiresAt);

public sealed record ExportProfile(
    Guid Id, string Name, string Email, bool EmailVerified, string? Image, string Language,
    Guid? ActiveMembershipId, bool HasCalendarLink, DateTime CreatedAt, DateTime UpdatedAt, string? PendingEmail = null,
    string? Theme = null);

public sealed record ExportMembership(
    Guid Id, Guid CompanyId, string CompanyName, UserRole Role, bool Active, DateOnly JoinedOn, DateTime CreatedAt);

public sealed record ExportBalance(Guid MembershipId, LeaveType Type, decimal RemainingDays, DateTime UpdatedAt);

public sealed record ExportBalanceHistory(
    Guid Id, Guid MembershipId, LeaveType LeaveType, decimal Change, LeaveBalanceHistoryType Type, string? Reason,
    Guid? LeaveId, bool ByYou, DateTime CreatedAt);

/// <summary>Where and when the user is signed in; <see cref="Current"/> marks the session making the request.</summary>
public sealed record ExportSession(
    Guid Id, DateTime CreatedAt, DateTime ExpiresAt, string? IpAddress, string? UserAgent, bool Current);
