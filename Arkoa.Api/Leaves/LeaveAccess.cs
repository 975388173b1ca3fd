using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;

namespace Arkoa.Api.Leaves;

/// <summary>
/// The caller's side of a request on one member's leaves: who acts, the company (calendar, time zone), its today and
/// whether the member is active — what the <see cref="Leave"/> aggregate needs and <c>allowedActions</c> is computed from.
/// </summary>
public sealed record LeaveAccess(LeaveActor Actor, Company Company, DateOnly Today, bool MemberActive)
{
    /// <summary>
    /// The access of the caller to <paramref name="membershipId"/>'s leaves in one round trip, or why there is none: not
    /// an active member of the company, or neither that member nor a manager of theirs (company or team: 403); no such
    /// member in the company (404).
    /// </summary>
    /// <param name="answeringLeaveId">The leave whose request to cancel the caller may answer as an approver of its chain's
    /// first step, without managing the member (SPEC §11): only for that leave.</param>
    public static async Task<(LeaveAccess? Access, DomainError? Refusal)> ForMemberAsync(
        ArkoaDbContext db, Guid companyId, Guid membershipId, Guid userId, TimeProvider clock, CancellationToken cancellationToken,
        Guid? answeringLeaveId = null)
    {
        var view = await db.CallerViewAsync(companyId, userId, membershipId, cancellationToken);
        if (view is null) return (null, LeaveErrors.NotAllowed);
        // Their own leaves need no teams: nobody manages their own requests through a team.
        var actor = membershipId == view.Caller.Id ? LeaveActor.Of(view.Caller) : await db.LeaveActorAsync(view.Caller, cancellationToken);
        if (!actor.MayActOn(membershipId) && !(answeringLeaveId is { } leaveId && actor.AwaitsDecisionOn(leaveId))) return (null, LeaveErrors.NotAllowed);
        if (view.MemberActive is not { } active) return (null, LeaveErrors.MembershipNotFound);
        return (new LeaveAccess(actor, view.Company, CompanyClock.Today(view.Company, clock), active), null);
    }

    /// <summary>The leave as this caller sees it, with what they may do with it.</summary>
    public LeaveResponse Response(Leave leave) => LeaveResponse.From(leave, Actor, MemberActive, Today);

    /// <summary>The same, with the member's state as read under the lock.</summary>
    public LeaveResponse Response(Leave leave, bool memberActive) => LeaveResponse.From(leave, Actor, memberActive, Today);
}
