using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>
/// The managers' charts (issue 14 §16): approved absences per month over the last 12 months by type, oldest month
/// first, and each active member's paid leave this year. Managers see every type, sensitive ones included (SPEC privacy).
/// </summary>
public sealed record ChartStatsResponse(IReadOnlyList<MonthAbsencesResponse> Months, IReadOnlyList<MemberBalanceUsageResponse> Members);

/// <summary>One month (<c>month</c> is its first day) and its working days of approved absence per type; types without any are left out.</summary>
public sealed record MonthAbsencesResponse(DateOnly Month, IReadOnlyList<TypeDaysResponse> Days);

public sealed record TypeDaysResponse(LeaveType Type, decimal Days);

/// <summary>
/// A member's paid leave in the company's current year: <c>usedDays</c> taken or asked for (approved or pending leaves
/// starting this year), <c>remainingDays</c> still in the balance.
/// </summary>
public sealed record MemberBalanceUsageResponse(Guid MembershipId, string Name, decimal UsedDays, decimal RemainingDays);
