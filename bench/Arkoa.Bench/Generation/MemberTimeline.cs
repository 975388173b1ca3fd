using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Bench.Generation;

public readonly record struct LeaveRow(
    Guid Id, DateTime CreatedAt, DateTime UpdatedAt, LeaveType Type, DateOnly Start, DateOnly End,
    HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, decimal Days, LeaveStatus Status, string? Reason, string? ManagerNote,
    Guid? ReviewedById, DateTime? ReviewedAt, int Version);

public readonly record struct HistoryRow(
    Guid Id, DateTime CreatedAt, Guid BalanceId, decimal Change, string Reason, LeaveBalanceHistoryType Type, Guid? ActorId, Guid? LeaveId);

/// <summary>
/// One member's five years: yearly credits, then leaves one after the other (never overlapping), each PAID/RTT leave
/// deducted through the same rules as the Api (SPEC §4: deducted at request, refunded on reject/cancel, never below zero —
/// a leave the balance cannot cover becomes UNPAID). Built from a per-member seed, so building it twice gives the same rows:
/// the generator walks it once to write leaves and again to write history (history rows reference leaves).
/// </summary>
public sealed class MemberTimeline
{
    public const decimal RttPerYear = 10m;

    /// <summary>
    /// Days every member keeps in reserve (a leave that would dig into it is taken UNPAID instead), so the benchmark's
    /// create phase always finds days to take, as in a real company where people rarely use every last day.
    /// </summary>
    public const decimal PaidReserve = 20m, RttReserve = 10m;

    private static readonly (LeaveType Type, int Weight)[] TypeWeights =
    [
        (LeaveType.PAID, 40), (LeaveType.RTT, 20), (LeaveType.SICK, 14), (LeaveType.UNPAID, 5), (LeaveType.CHILD_SICK, 4),
        (LeaveType.TRAINING, 4), (LeaveType.MOVING, 2), (LeaveType.MARRIAGE, 1), (LeaveType.BEREAVEMENT, 2), (LeaveType.PATERNITY, 1),
        (LeaveType.MATERNITY, 1), (LeaveType.PARENTAL, 1), (LeaveType.UNJUSTIFIED, 2), (LeaveType.ADJUSTMENT, 3),
    ];
    private static readonly int TotalWeight = TypeWeights.Sum(t => t.Weight);

    public required List<LeaveRow> Leaves { get; init; }
    public required List<HistoryRow> History { get; init; }
    public required Guid PaidBalanceId { get; init; }
    public required Guid RttBalanceId { get; init; }
    public required decimal Paid { get; init; }
    public required decimal Rtt { get; init; }

    public static MemberTimeline Build(
        int seed, int memberIndex, int leaveCount, DateOnly windowStart, DateOnly windowEnd, DateOnly today, DateTime now,
        int annualLeaveDays, LeaveDayCounter counter, Guid memberUserId, Guid reviewerUserId)
    {
        var rng = new Random(unchecked(seed * 1_000_003 + memberIndex));
        var paidId = Ids.Next(rng);
        var rttId = Ids.Next(rng);
        var leaves = new List<LeaveRow>(leaveCount);
        var history = new List<HistoryRow>(leaveCount);
        decimal paid = 0, rtt = 0;
        var creditedYear = windowStart.Year - 1;

        void CreditUpTo(int year)
        {
            while (creditedYear < year)
            {
                creditedYear++;
                var at = new DateTime(creditedYear, 1, 1, 0, 5, 0, DateTimeKind.Utc);
                if (at > now) return;
                paid += annualLeaveDays;
                history.Add(new HistoryRow(Ids.Next(rng), at, paidId, annualLeaveDays, $"Yearly credit {creditedYear}", LeaveBalanceHistoryType.AUTO_CREDIT, null, null));
                rtt += RttPerYear;
                history.Add(new HistoryRow(Ids.Next(rng), at, rttId, RttPerYear, $"RTT {creditedYear}", LeaveBalanceHistoryType.MANUEL_CREDIT, reviewerUserId, null));
            }
        }

        var windowDays = windowEnd.DayNumber - windowStart.DayNumber;
        // Average days between two leave starts; a leave lasts about 2.5 calendar days on average.
        // (A little under the even share: starts pushed past weekends would otherwise run some members out of window.)
        var cycle = leaveCount == 0 ? windowDays : Math.Max(2, (int)(windowDays * 0.95 / leaveCount));
        var cursor = windowStart.AddDays(rng.Next(0, Math.Max(1, cycle)));
        var lastCreated = DateTime.MinValue;
        for (var k = 0; k < leaveCount && cursor <= windowEnd; k++)
        {
            var start = cursor;
            while (!counter.IsWorkingDay(start)) start = start.AddDays(1);
            var length = PickLength(rng);
            var type = PickType(rng);
            if (type == LeaveType.MATERNITY || type == LeaveType.PARENTAL) length = Math.Min(length * 4, 40);
            var end = start.AddDays(length - 1);
            HalfDayPeriod? startHalf = null, endHalf = null;
            if (length == 1 && rng.Next(100) < 15)
            {
                if (rng.Next(2) == 0) startHalf = HalfDayPeriod.AFTERNOON; else endHalf = HalfDayPeriod.MORNING;
            }
            var days = counter.Count(start, end, startHalf, endHalf);

            var created = new DateTime(start.AddDays(-rng.Next(2, 30)), new TimeOnly(8 + rng.Next(10), rng.Next(60)), DateTimeKind.Utc);
            var yearStart = new DateTime(start.Year, 1, 1, 0, 10, 0, DateTimeKind.Utc);
            if (created < yearStart) created = yearStart;
            if (created <= lastCreated) created = lastCreated.AddMinutes(1);
            if (created > now) created = now.AddMinutes(-(leaveCount - k));
            lastCreated = created;
            CreditUpTo(start.Year);

            var status = PickStatus(rng, start > today);
            var reviewed = status is LeaveStatus.APPROVED or LeaveStatus.REJECTED;
            var decided = Min(created.AddHours(4 + rng.Next(44)), now);
            var consumes = type == LeaveType.PAID || type == LeaveType.RTT; // the built-ins that use a balance
            if (consumes && (type == LeaveType.PAID ? paid - PaidReserve : rtt - RttReserve) < days)
            {
                type = LeaveType.UNPAID; // what an employee without the days left would ask for instead
                consumes = false;
            }
            var id = Ids.Next(rng);
            if (consumes)
            {
                var balanceId = type == LeaveType.PAID ? paidId : rttId;
                var what = $"{type} leave {start:yyyy-MM-dd} – {end:yyyy-MM-dd} ({days} days)";
                history.Add(new HistoryRow(Ids.Next(rng), created, balanceId, -days, what, LeaveBalanceHistoryType.LEAVE_DEDUCTION, memberUserId, id));
                var change = -days;
                if (status is LeaveStatus.REJECTED or LeaveStatus.CANCELED)
                {
                    var why = status == LeaveStatus.REJECTED ? "Rejected" : "Canceled";
                    history.Add(new HistoryRow(Ids.Next(rng), decided, balanceId, days, $"{why}: {what}", LeaveBalanceHistoryType.LEAVE_REFUND,
                        status == LeaveStatus.REJECTED ? reviewerUserId : memberUserId, id));
                    change = 0;
                }
                if (type == LeaveType.PAID) paid += change; else rtt += change;
            }

            leaves.Add(new LeaveRow(id, created, status == LeaveStatus.PENDING ? created : decided, type, start, end, startHalf, endHalf, days, status,
                rng.Next(3) == 0 ? "Family matters" : null,
                status == LeaveStatus.REJECTED ? "Team is short that week" : null,
                reviewed ? reviewerUserId : null, reviewed ? decided : null,
                status == LeaveStatus.PENDING ? 0 : 1));
            cursor = end.AddDays(1 + rng.Next(1, Math.Max(2, 2 * cycle - 2 * length)));
        }
        CreditUpTo(today.Year);

        return new MemberTimeline
        {
            Leaves = leaves, History = history, PaidBalanceId = paidId, RttBalanceId = rttId, Paid = paid, Rtt = rtt,
        };
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private static int PickLength(Random rng) => rng.Next(100) switch
    {
        < 55 => 1,
        < 75 => rng.Next(2, 4),
        < 92 => rng.Next(4, 6),
        < 98 => rng.Next(6, 11),
        _ => rng.Next(11, 21),
    };

    private static LeaveType PickType(Random rng)
    {
        var pick = rng.Next(TotalWeight);
        foreach (var (type, weight) in TypeWeights)
        {
            if (pick < weight) return type;
            pick -= weight;
        }
        return LeaveType.PAID;
    }

    private static LeaveStatus PickStatus(Random rng, bool future)
    {
        var p = rng.Next(100);
        return future
            ? p < 60 ? LeaveStatus.PENDING : p < 95 ? LeaveStatus.APPROVED : p < 98 ? LeaveStatus.CANCELED : LeaveStatus.REJECTED
            : p < 82 ? LeaveStatus.APPROVED : p < 89 ? LeaveStatus.REJECTED : p < 98 ? LeaveStatus.CANCELED : LeaveStatus.PENDING;
    }
}

/// <summary>UUIDs drawn from a seeded generator, so a rerun with the same seed makes the same ids.</summary>
public static class Ids
{
    public static Guid Next(Random rng)
    {
        Span<byte> bytes = stackalloc byte[16];
        rng.NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40); // version 4
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80); // RFC 4122 variant
        return new Guid(bytes);
    }
}
