using System.ComponentModel.DataAnnotations;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

public sealed record LeaveBalanceResponse(Guid Id, LeaveType Type, decimal RemainingDays, DateTime UpdatedAt);

public sealed record AdjustBalanceRequest(
    [property: Required] LeaveType? Type,
    [property: Required, Range(-366.0, 366.0)] decimal? Change,
    [property: Required, StringLength(500, MinimumLength = 1)] string? Reason,
    [property: Required] LeaveBalanceHistoryType? HistoryType);

public sealed record BalanceHistoryResponse(
    Guid Id, LeaveType LeaveType, decimal Change, LeaveBalanceHistoryType Type, string? Reason,
    Guid? ActorId, string? ActorName, Guid? LeaveId, DateTime CreatedAt);
