using Arkoa.Api.Contracts;
using Arkoa.Core.Payroll;

namespace Arkoa.Api.Exports;

/// <summary>
/// The payroll export as CSV (docs/integrations.md, "Payroll export"): one row per member, a fixed column layout so a
/// payroll tool can map it once: who, then every leave type in <see cref="PayrollMonthDays.Types"/> order, unpaid days,
/// total, and the balances at the month's end.
/// </summary>
public static class PayrollCsv
{
    public static readonly IReadOnlyList<string> Header =
    [
        "membershipId", "memberName", "email", "team", "active",
        .. PayrollMonthDays.Types.Select(t => t.ToString()),
        "unpaidDays", "totalDays", "paidBalanceAtMonthEnd", "rttBalanceAtMonthEnd",
    ];

    public static string FileName(PayrollMonthResponse report) => $"payroll-{report.Month}.csv";

    public static async Task WriteAsync(Stream stream, PayrollMonthResponse report, bool french, CancellationToken cancellationToken)
    {
        await using var csv = CsvExport.Create(stream, french);
        csv.WriteHeader(Header.ToArray());
        foreach (var member in report.Members)
        {
            csv.WriteField(member.MembershipId.ToString());
            csv.WriteField(member.Name);
            csv.WriteField(member.Email);
            csv.WriteField(member.Team ?? "");
            csv.WriteField(member.Active);
            foreach (var type in PayrollMonthDays.Types) csv.WriteField(member.Days[type.ToString()], "0.##");
            csv.WriteField(member.UnpaidDays, "0.##");
            csv.WriteField(member.TotalDays, "0.##");
            csv.WriteField(member.PaidBalance, "0.##");
            csv.WriteField(member.RttBalance, "0.##");
            await csv.EndRecordAsync(cancellationToken);
        }
        await csv.FlushAsync(cancellationToken);
    }
}
