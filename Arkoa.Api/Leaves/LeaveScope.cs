using Arkoa.Core.Domain;

namespace Arkoa.Api.Leaves;

/// <summary>
/// Which leaves of the company a caller's list holds: every leave for a company manager (<see cref="Decided"/> null),
/// the members' they decide for as a team manager otherwise; plus, for anyone, the chained requests whose current step
/// (or request to cancel) waits for them (<see cref="Awaited"/>, SPEC §11). <see cref="WaitingForMe"/> keeps only what waits for their decision:
/// PENDING requests without a chain they decide (not their own) and those awaited.
/// </summary>
public sealed record LeaveScope(Guid CallerId, Guid[]? Decided, Guid[] Awaited, bool WaitingForMe)
{
    /// <summary>A list no one else shares: what waits for this person.</summary>
    public bool Personal => WaitingForMe || (Decided is not null && Awaited.Length > 0);

    public IQueryable<Leave> Apply(IQueryable<Leave> leaves)
    {
        var (decided, awaited, caller) = (Decided, Awaited, CallerId);
        // A condition on a list only when the list holds something: "or the id is in an empty list" still keeps Postgres
        // from reading the members' leaves by their index (a team manager's queue ran at half the pending page's rate).
        if (WaitingForMe)
        {
            // PENDING only: an approved leave whose request to cancel awaits them is in the cancel requests' list.
            var pending = leaves.Where(l => l.Status == LeaveStatus.PENDING);
            if (decided is { Length: 0 }) return pending.Where(l => awaited.Contains(l.Id));
            var theirs = pending.Where(l => l.ApprovalStep == null && l.MembershipId != caller && (decided == null || decided.Contains(l.MembershipId)));
            return awaited.Length == 0 ? theirs
                : pending.Where(l => awaited.Contains(l.Id) || (l.ApprovalStep == null && l.MembershipId != caller
                    && (decided == null || decided.Contains(l.MembershipId))));
        }
        if (decided is null) return leaves;
        return awaited.Length == 0 ? leaves.Where(l => decided.Contains(l.MembershipId))
            : decided.Length == 0 ? leaves.Where(l => awaited.Contains(l.Id))
            : leaves.Where(l => decided.Contains(l.MembershipId) || awaited.Contains(l.Id));
    }
}
