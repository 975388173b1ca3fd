using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// GET /api/companies/{companyId}/leaves/{leaveId}/approval: where a request stands in its approval chain (SPEC §11):
/// every step of the current round with its approvers, on whose behalf they stand, and their decisions. The member, a
/// manager of theirs and every approver of the request see it.
/// </summary>
public static class LeaveApprovalEndpoints
{
    public static RouteGroupBuilder MapLeaveApprovalEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/companies/{companyId:guid}/leaves/{leaveId:guid}/approval", Get).WithTags("Approvals").WithName("GetLeaveApproval")
            .WithSummary("A request's steps, approvers (with on-behalf-of) and decisions; no steps for a request decided without a chain (the member, their managers, its approvers).")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<LeaveApprovalResponse>, ProblemHttpResult>> Get(
        Guid companyId, Guid leaveId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is not { } caller) return LeaveErrors.NotAllowed.ToProblem();
        var leave = await db.Leaves.AsNoTracking().Include(l => l.Approvers).Include(l => l.StepDecisions).AsSplitQuery()
            .SingleOrDefaultAsync(l => l.Id == leaveId && l.Membership!.CompanyId == companyId, cancellationToken);
        if (leave is null) return LeaveErrors.LeaveNotFound.ToProblem();
        var actor = await db.LeaveActorAsync(caller, cancellationToken);
        if (!actor.MayActOn(leave.MembershipId) && leave.Approvers.All(a => a.MembershipId != caller.Id)) return LeaveErrors.NotAllowed.ToProblem();

        var approvers = leave.Approvers.Where(a => a.Round == leave.ApprovalRound).ToList();
        var decisions = leave.StepDecisions.Where(d => d.Round == leave.ApprovalRound).ToList();
        var ids = approvers.SelectMany(a => new[] { a.MembershipId, a.OnBehalfOfId }).OfType<Guid>().Distinct().ToList();
        var names = (await db.Memberships.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new { m.Id, m.User!.Name }).ToListAsync(cancellationToken)).ToDictionary(m => m.Id, m => m.Name);
        var escalated = await db.LeaveEscalations.AsNoTracking().Where(e => e.LeaveId == leave.Id && e.Round == leave.ApprovalRound)
            .ToDictionaryAsync(e => e.Step, e => e.CreatedAt, cancellationToken);
        var steps = approvers.GroupBy(a => a.Step).OrderBy(g => g.Key).Select(g => new LeaveApprovalStepResponse(
            g.Key + 1, g.First().Kind, g.First().Mode,
            g.Select(a =>
            {
                var decision = decisions.FirstOrDefault(d => d.Step == a.Step && d.MembershipId == a.MembershipId);
                return new StepApproverResponse(a.MembershipId, names.GetValueOrDefault(a.MembershipId, ""), a.OnBehalfOfId,
                    a.OnBehalfOfId is { } of ? names.GetValueOrDefault(of) : null, decision?.Decision, decision?.CreatedAt, decision?.Note);
            }).ToList(), escalated.TryGetValue(g.Key, out var at) ? at : null)).ToList();
        var current = leave.Status == LeaveStatus.PENDING && leave.ApprovalStep is { } step ? step + 1 : (int?)null;
        return TypedResults.Ok(new LeaveApprovalResponse(leave.Id, leave.Status, current, leave.ApprovalStepCount,
            actor.AwaitsDecisionOn(leave.Id), steps));
    }
}
