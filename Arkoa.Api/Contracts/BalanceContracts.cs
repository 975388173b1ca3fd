using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using Arkoa.Api.Http;
using Arkoa.Core.Balances;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Mvc;

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
/// <see cref="CompanyApiTokenId"/> and its name: the company API token the change was made with (the actor is then its creator).
/// </summary>
public sealed record BalanceHistoryResponse(
    Guid Id, LeaveType LeaveType, decimal Change, LeaveBalanceHistoryType Type, string? Reason,
    Guid? ActorId, string? ActorName, Guid? LeaveId, DateTime CreatedAt, BalanceChangeFacts? Facts,
    Guid? CompanyApiTokenId = null, string? CompanyApiTokenName = null);

/// <summary>?type=&amp;historyType= on the balance history (issue 14 §14): one leave type's entries, one kind of entry.</summary>
public sealed class HistoryFilterQuery
{
    [FromQuery(Name = "type"), Description("A leave type (PAID, RTT…): only the entries of that balance.")]
    public string? Type { get; init; }

    [FromQuery(Name = "historyType"), Description("AUTO_CREDIT, MANUEL_CREDIT, LEAVE_REFUND, LEAVE_DEDUCTION, CARRY_FORWARD or EXPIRATION: only entries of that kind.")]
    public string? HistoryType { get; init; }

    public (LeaveType? Type, LeaveBalanceHistoryType? HistoryType) Parse(FieldErrors errors)
    {
        QueryValues.TryLeaveType(Type, errors, "type", out var type);
        QueryValues.TryEnum<LeaveBalanceHistoryType>(HistoryType, errors, "historyType", out var kind);
        return (type, kind);
    }
}
