using Arkoa.Api.Approvals;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Leaves;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// The Approve and Reject links of an approver's mail (SPEC §11). Opening a link shows the request (preview), and only
/// the approver's confirmation decides it: a mail scanner that follows links decides nothing. Both are POSTs carrying
/// the token in the body, so it stays out of the Api's addresses and logs. No session: the signed link is the proof,
/// for one decision of one request as the mail showed it.
/// </summary>
public static class MailDecisionEndpoints
{
    public static RouteGroupBuilder MapMailDecisionEndpoints(this RouteGroupBuilder api)
    {
        var decisions = api.MapGroup("/mail-decisions").WithTags("Approvals").AllowAnonymous()
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status410Gone);
        decisions.MapPost("/preview", Preview).WithName("PreviewMailDecision")
            .WithSummary("The request an Approve or Reject link from an approver's mail is about, as it stands (anyone holding the link; nothing changes). 410 decision-link-used when the request was decided or changed since the mail.");
        decisions.MapPost("/", Decide).WithName("DecideByMailLink")
            .WithSummary("Approves or rejects (a note required to reject) the request of an approver's mail link, as that approver, once: the link then decides nothing more. Coverage rules apply as on the review endpoint.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<MailDecisionPreviewResponse>, ValidationProblem, ProblemHttpResult>> Preview(
        MailDecisionPreviewRequest request, MailDecisionAccess access, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var (opened, error) = await access.OpenAsync(request.Token!, cancellationToken);
        if (opened is null) return error!.ToProblem();
        var leave = opened.Leave;
        var onBehalfOf = leave.CurrentApprovers.FirstOrDefault(a => a.MembershipId == opened.Link.ApproverMembershipId)?.OnBehalfOfId;
        var onBehalfOfName = onBehalfOf is null ? null : await db.Memberships.AsNoTracking()
            .Where(m => m.Id == onBehalfOf).Select(m => m.User!.Name).SingleOrDefaultAsync(cancellationToken);
        return TypedResults.Ok(new MailDecisionPreviewResponse(
            opened.Company.Id, opened.Company.Name, leave.Id, leave.Membership!.User!.Name, opened.ApproverName, onBehalfOfName,
            leave.Type, leave.StartDate, leave.EndDate, leave.StartHalf, leave.EndHalf, leave.Days, leave.Reason,
            leave.ApprovalStep + 1, leave.ApprovalStepCount, opened.Link.ExpiresAt));
    }

    private static async Task<Results<Ok<MailDecisionResponse>, ValidationProblem, ProblemHttpResult>> Decide(
        MailDecisionRequest request, MailDecisionAccess access, LeaveReview review, CancellationToken cancellationToken)
    {
        var (opened, error) = await access.OpenAsync(request.Token!, cancellationToken);
        if (opened is null) return error!.ToProblem();
        var status = request.Decision!.Value;
        if (LeaveRules.CheckDecision(status, request.ManagerNote) is { } invalid) return invalid.ToProblem();

        var company = opened.Company;
        // Checked again under the member's lock: a decision or an edit since the link was opened makes it stale.
        var outcome = await review.DecideAsync(company, opened.Actor, opened.Leave.Id, opened.Leave.MembershipId,
            new LeaveReview.Decision(status, Version: null, request.ManagerNote, request.OverrideCoverage == true), cancellationToken,
            stillApplies: leave => opened.Link.CheckStillStands(leave, company.Id));
        if (outcome.Error is not null) return outcome.Error.ToProblem();
        var decided = outcome.Leave!;
        return TypedResults.Ok(new MailDecisionResponse(company.Id, decided.Id, decided.Status, decided.ApprovalStep + 1, decided.ApprovalStepCount));
    }
}
