using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.MailDecisions;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Approvals;

/// <summary>
/// What the Approve or Reject link of an approver's mail lets its holder do, checked afresh at every use (SPEC §11): the
/// link is Arkoa's and not expired, its approver is still an active member of the request's company, the request is
/// as the mail showed it and still PENDING, and the approver may decide it (<see cref="LeaveRules.CheckReview"/>).
/// The link acts as the approver without a session, for this one decision only.
/// </summary>
public sealed class MailDecisionAccess(ArkoaDbContext db, DecisionLinkSigner signer, TimeProvider clock)
{
    public sealed record Access(DecisionLink Link, Leave Leave, Company Company, LeaveActor Actor, string ApproverName);

    public async Task<(Access? Access, DomainError? Error)> OpenAsync(string token, CancellationToken cancellationToken)
    {
        var (link, invalid) = signer.Read(token, clock.GetUtcNow().UtcDateTime);
        if (link is null) return (null, invalid);
        var approver = await db.Memberships.AsNoTracking().Where(m => m.Id == link.ApproverMembershipId)
            .Select(m => new { m.UserId, m.CompanyId, m.User!.Name }).SingleOrDefaultAsync(cancellationToken);
        // A signed link whose approver is gone altogether: its company was deleted.
        if (approver is null) return (null, DecisionLinkErrors.Invalid);
        var (caller, company, _) = await db.CallerAndCompanyAsync(approver.CompanyId, approver.UserId, cancellationToken);
        if (caller is null || company is null) return (null, DecisionLinkErrors.NotAMember);

        var leave = await db.Leaves.AsNoTracking().Include(l => l.Membership).ThenInclude(m => m!.User)
            .Include(l => l.Approvers).Include(l => l.StepDecisions).AsSplitQuery()
            .SingleOrDefaultAsync(l => l.Id == link.LeaveId && l.Membership!.CompanyId == company.Id, cancellationToken);
        if (leave is null) return (null, DecisionLinkErrors.Used(company.Id, link.LeaveId));
        if (link.CheckStillStands(leave, company.Id) is { } used) return (null, used);
        var actor = await db.LeaveActorAsync(caller, cancellationToken);
        if (LeaveRules.CheckReview(leave, actor, leave.Membership!.Active, version: null) is { } refused) return (null, refused);
        return (new Access(link, leave, company, actor, approver.Name), null);
    }
}
