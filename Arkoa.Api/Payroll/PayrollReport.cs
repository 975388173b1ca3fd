using Arkoa.Api.Contracts;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Payroll;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Payroll;

/// <summary>
/// Loads what the payroll export of a month needs (the company's calendar, the members, their APPROVED leaves touching the
/// month and their ledger up to its end) and has the Core count it (<see cref="PayrollMonthDays"/>).
/// </summary>
public static class PayrollReport
{
    /// <param name="members">The members the team filter keeps, or null for everyone.</param>
    public static async Task<PayrollMonthResponse> LoadAsync(
        ArkoaDbContext db, Company company, PayrollMonth month, Guid[]? members, CancellationToken cancellationToken)
    {
        var (first, last) = (month.First, month.Last);
        var closures = await db.CompanyHolidays.AsNoTracking()
            .Where(h => h.CompanyId == company.Id && h.Date >= first && h.Date <= last).Select(h => h.Date).ToListAsync(cancellationToken);
        var calendar = LeaveDayCounter.For(company, closures);

        // Only APPROVED leaves are taken (PayrollMonthDays says why); deleted ones are filtered out by the model.
        var leaves = (await db.Leaves.AsNoTracking()
                .Where(l => l.Membership!.CompanyId == company.Id && (members == null || members.Contains(l.MembershipId))
                    && l.Status == LeaveStatus.APPROVED && l.StartDate <= last && l.EndDate >= first)
                .Select(l => new { l.MembershipId, Leave = new PayrollLeave(l.Type, l.Status, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf) })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.MembershipId, l => l.Leave);
        var onLeave = leaves.Select(g => g.Key).ToList();

        var people = await db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == company.Id && (members == null || members.Contains(m.Id)) && (m.Active || onLeave.Contains(m.Id)))
            .Select(m => new
            {
                m.Id, m.User!.Name, m.User.Email, m.Active,
                Team = db.TeamMembers.Where(t => t.MembershipId == m.Id && t.IsPrimary).Select(t => t.Team!.Name).FirstOrDefault(),
            })
            .OrderBy(m => m.Name).ThenBy(m => m.Email).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Id).ToList();

        // The balance at the month's end is the sum of the ledger entries written before midnight starting the next
        // month in the company's time zone: a later movement (even one about a leave of this month) is not in it.
        var closesAt = month.LedgerClosesAtUtc(company.TimeZone);
        var balances = (await db.LeaveBalanceHistory.AsNoTracking()
                .Where(h => ids.Contains(h.MembershipId) && h.CreatedAt < closesAt
                    && (h.LeaveBalance!.Type == LeaveType.PAID || h.LeaveBalance.Type == LeaveType.RTT))
                .GroupBy(h => new { h.MembershipId, h.LeaveBalance!.Type })
                .Select(g => new { g.Key.MembershipId, g.Key.Type, Total = g.Sum(h => h.Change) })
                .ToListAsync(cancellationToken))
            .ToDictionary(b => (b.MembershipId, b.Type), b => b.Total);

        var rows = people.Select(p =>
        {
            var days = PayrollMonthDays.Of(calendar, month, leaves[p.Id]);
            return new PayrollMemberResponse(p.Id, p.Name, p.Email, p.Team, p.Active,
                days.DaysByType.ToDictionary(d => d.Key.Code, d => d.Value), days.UnpaidDays, days.TotalDays,
                balances.GetValueOrDefault((p.Id, LeaveType.PAID)), balances.GetValueOrDefault((p.Id, LeaveType.RTT)));
        }).ToList();
        return new PayrollMonthResponse(month.ToString(), company.TimeZone, closesAt, rows);
    }
}
