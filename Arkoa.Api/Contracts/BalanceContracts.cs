using System.ComponentModel.DataAnnotations;
using Arkoa.Core.Balances;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

public sealed record LeaveBalanceResponse(Guid Id, LeaveType Type, decimal RemainingDays, DateTime UpdatedAt);

public sealed record AdjustBalanceRequest(
    [property: Required] LeaveType? Type,
    [property: Required, Range(-366.0, 366.0)] decimal? Change,
    [property: Required, StringLength(500, MinimumLength = 1)] string? Reason,
    [property: Required] LeaveBalanceHistoryType? HistoryType);

/// <summary>
/// One ledger entry. <see cref="Facts"/> say what it is about so a client can phrase it in its reader's language; the
/// English <see cref="Reason"/> is for entries written before facts existed, and the manager's own words on a MANUAL one.
/// </summary>
public sealed record BalanceHistoryResponse(
    Guid Id, LeaveType LeaveType, decimal Change, LeaveBalanceHistoryType Type, string? Reason,
    Guid? ActorId, string? ActorName, Guid? LeaveId, DateTime CreatedAt, BalanceChangeFacts? Facts);
