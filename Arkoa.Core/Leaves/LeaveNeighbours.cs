using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Leaves;

/// <summary>The member's other live leaves a plan could overlap: what the aggregate's overlap rule looks at.</summary>
public static class LeaveNeighbours
{
    /// <summary>PENDING/APPROVED leaves of the member sharing a date with the plan, but <paramref name="exceptLeaveId"/> (call under the member lock).</summary>
    public static async Task<List<LeaveNeighbour>> OfAsync(
        ArkoaDbContext db, Guid membershipId, LeavePlan plan, Guid? exceptLeaveId, CancellationToken cancellationToken)
    {
        var (start, end) = (plan.Start, plan.End);
        return await db.Leaves.AsNoTracking()
            .Where(l => l.MembershipId == membershipId && l.Id != exceptLeaveId
                && (l.Status == LeaveStatus.PENDING || l.Status == LeaveStatus.APPROVED)
                && l.StartDate <= end && l.EndDate >= start)
            .Select(l => new LeaveNeighbour(l.Id, l.Type, new HalfDaySpan(l.StartDate, l.EndDate, l.StartHalf, l.EndHalf)))
            .ToListAsync(cancellationToken);
    }
}
