using System.ComponentModel;
using Arkoa.Api.Http;
using Arkoa.Core.Domain;
using Arkoa.Core.Payroll;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Api.Contracts;

/// <summary>?month= (and, for the CSV, ?format=) of the payroll export.</summary>
public sealed class PayrollQuery
{
    [FromQuery(Name = "month"), Description("The month, YYYY-MM (1900-01 to 2100-12).")]
    public string? Month { get; init; }

    [FromQuery(Name = "format"), Description("CSV only: `fr` for `;` between fields and `,` in decimals (French spreadsheets and payroll tools); absent for the exports' usual `,` and `.`.")]
    public string? Format { get; init; }

    /// <summary>The month asked for, or a field error naming <c>month</c>.</summary>
    public PayrollMonth? ParseMonth(FieldErrors errors)
    {
        var failure = PayrollMonth.TryParse(Month, out var month);
        switch (failure)
        {
            case PayrollMonth.ParseFailure.None: return month;
            case PayrollMonth.ParseFailure.Missing: errors.Set("month", ProblemCodes.Required, "month is required (YYYY-MM)."); break;
            case PayrollMonth.ParseFailure.Malformed: errors.Set("month", ProblemCodes.InvalidFormat, "month must be written YYYY-MM."); break;
            default:
                errors.Set("month", ProblemCodes.OutOfRange, $"month must be between {PayrollMonth.MinYear}-01 and {PayrollMonth.MaxYear}-12.",
                    new Dictionary<string, object?> { ["min"] = $"{PayrollMonth.MinYear}-01", ["max"] = $"{PayrollMonth.MaxYear}-12" });
                break;
        }
        return null;
    }

    /// <summary>Whether the French dialect was asked for; any other value than <c>fr</c> is a field error.</summary>
    public bool ParseFrench(FieldErrors errors)
    {
        if (string.IsNullOrEmpty(Format)) return false;
        if (Format == "fr") return true;
        errors.Set("format", ProblemCodes.InvalidChoice, "format must be fr or absent.", new Dictionary<string, object?> { ["allowed"] = new[] { "fr" } });
        return false;
    }
}

/// <summary>The payroll export of a month (issue 18): each member's days taken in it and their balances at its end.</summary>
public sealed record PayrollMonthResponse(
    [property: Description("The month, YYYY-MM.")] string Month,
    [property: Description("The company's time zone, where the month's dates and its end are read.")] string TimeZone,
    [property: Description("The instant (UTC) the month ended in the company's time zone: balances sum the ledger entries written before it.")]
    DateTime BalancesAt,
    [property: Description("One entry per member who is active or took leave in the month, by name.")] IReadOnlyList<PayrollMemberResponse> Members);

/// <summary>One member's line of the payroll export.</summary>
public sealed record PayrollMemberResponse(
    Guid MembershipId,
    string Name,
    string Email,
    [property: Description("The member's primary team, or null.")] string? Team,
    bool Active,
    [property: Description("Working days of APPROVED leave taken in the month, for every leave type (0 when none), in the order of the LeaveType enum.")]
    IReadOnlyDictionary<string, decimal> Days,
    [property: Description("The days of UNPAID and UNJUSTIFIED leave, which the payroll deducts.")] decimal UnpaidDays,
    [property: Description("All the days of leave taken in the month.")] decimal TotalDays,
    [property: Description("The PAID balance at the end of the month.")] decimal PaidBalance,
    [property: Description("The RTT balance at the end of the month.")] decimal RttBalance);
