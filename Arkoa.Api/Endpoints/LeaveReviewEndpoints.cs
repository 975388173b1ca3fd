using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Leaves;
using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// POST /api/companies/{companyId}/leaves/{leaveId}/review: a manager of the company, or a team manager of the member,
/// approves or rejects a PENDING leave of someone else who is still an active member (<see cref="Leave.Approve"/>, <see cref="Leave.Reject"/>).
/// A request following an approval chain (SPEC §11) is decided step by step by the approvers each step waits for.
/// An approval that leaves a team short of its coverage rule needs <c>overrideCoverage</c> and a note (SPEC §12).
/// </summary>
public static class LeaveReviewEndpoints
{
    public static RouteGroupBuilder MapLeaveReviewEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/companies/{companyId:guid}/leaves/{leaveId:guid}/review", Review).WithTags("Leaves").WithName("ReviewLeave")
            .WithSummary("Approves or rejects (with a note) a PENDING leave of another active member; a rejection gives its days back (company manager, or a manager of one of the member's teams or of a team above; on a company's approval chain, an approver of the request's current step, whose approval moves it to the next step). The approval that makes the leave APPROVED, if it leaves a team short of its coverage rule, needs overrideCoverage and a note.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<LeaveResponse>, ValidationProblem, ProblemHttpResult>> Review(
        Guid companyId, Guid leaveId, ReviewLeaveRequest request, HttpContext context, ArkoaDbContext db,
        LeaveReview review, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (caller, company, _) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || company is null) return LeaveErrors.ReviewNeedsManager.ToProblem();
        var actor = await db.LeaveActorAsync(caller, cancellationToken);
        var status = request.Status!.Value;
        // The request's own rules (a manager, a review status, a note to reject) come before looking for the leave.
        if (LeaveRules.CheckReviewRequest(actor, status, request.ManagerNote) is { } invalid) return invalid.ToProblem();

        var membershipId = await db.Leaves.AsNoTracking()
            .Where(l => l.Id == leaveId && l.Membership!.CompanyId == companyId)
            .Select(l => (Guid?)l.MembershipId).SingleOrDefaultAsync(cancellationToken);
        if (membershipId is null) return LeaveErrors.LeaveNotFound.ToProblem();

        var outcome = await review.DecideAsync(company, actor, leaveId, membershipId.Value,
            new LeaveReview.Decision(status, request.Version, request.ManagerNote, request.OverrideCoverage == true), cancellationToken);
        if (outcome.Error is not null) return outcome.Error.ToProblem();
        return TypedResults.Ok(LeaveResponse.From(outcome.Leave!, outcome.Decider!, outcome.MemberActive, CompanyClock.Today(company, clock)));
    }
}
