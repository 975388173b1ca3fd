using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.MailDecisions;
using Arkoa.Core.Outbox;
using Arkoa.Core.Webhooks;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Leaves;

/// <summary>
/// Queues the mails of SPEC §6 for leave events in the same unit of work as the change, so a mail is sent
/// if and only if the change committed. The actor never mails themself. The company's webhooks get the same events
/// (<see cref="WebhookOutbox"/>), whoever acted.
/// </summary>
public sealed class LeaveNotifications(ArkoaDbContext db, WebhookOutbox webhooks)
{
    private sealed record Party(Guid MembershipId, Guid UserId, string Email, string Name, string Language);

    /// <summary>
    /// A request to decide (new, edited, or moved on to its next step): to every active manager but the actor, or, on a
    /// request following an approval chain, to the approvers of its current step (SPEC §11).
    /// </summary>
    public async Task SubmittedAsync(Leave leave, Guid actorUserId, bool edited, CancellationToken cancellationToken)
    {
        var people = await LoadAsync(leave, actorUserId, withManagers: true, cancellationToken,
            leave.FollowsChain ? leave.CurrentApprovers.Select(a => a.MembershipId).ToList() : null);
        foreach (var manager in people.Managers.Where(m => m.UserId != actorUserId))
        {
            Queue(OutboxKinds.LeaveSubmitted, manager, people, leave, edited, decidable: true);
        }
        await webhooks.LeaveAsync(leave, WebhookEventTypes.LeaveSubmitted, edited, cancellationToken);
    }

    public async Task ReviewedAsync(Leave leave, Guid actorUserId, CancellationToken cancellationToken)
    {
        var people = await LoadAsync(leave, actorUserId, withManagers: false, cancellationToken);
        if (people.Member.UserId != actorUserId) Queue(OutboxKinds.LeaveReviewed, people.Member, people, leave, edited: false);
        // Only a final decision is an event (a review that leaves the leave pending, e.g. one step of several, is none).
        var type = leave.Status switch
        {
            LeaveStatus.APPROVED => WebhookEventTypes.LeaveApproved,
            LeaveStatus.REJECTED => WebhookEventTypes.LeaveRejected,
            _ => null,
        };
        if (type is not null) await webhooks.LeaveAsync(leave, type, edited: false, cancellationToken);
    }

    public async Task CanceledAsync(Leave leave, Guid actorUserId, CancellationToken cancellationToken)
    {
        var people = await LoadAsync(leave, actorUserId, withManagers: false, cancellationToken);
        if (people.Member.UserId != actorUserId) Queue(OutboxKinds.LeaveCanceled, people.Member, people, leave, edited: false);
        await webhooks.LeaveAsync(leave, WebhookEventTypes.LeaveCanceled, edited: false, cancellationToken);
    }

    /// <summary>
    /// The member asks to cancel an approved leave: to every active manager but the member, or, for a leave approved
    /// through an approval chain, to the approvers of its first step (SPEC §11).
    /// </summary>
    public async Task CancelRequestedAsync(Leave leave, Guid actorUserId, CancellationToken cancellationToken)
    {
        var firstStep = leave.FollowsChain
            ? await db.LeaveApprovers.AsNoTracking().Where(a => a.LeaveId == leave.Id && a.Round == leave.ApprovalRound && a.Step == 0)
                .Select(a => a.MembershipId).ToListAsync(cancellationToken)
            : null;
        var people = await LoadAsync(leave, actorUserId, withManagers: true, cancellationToken, firstStep);
        foreach (var manager in people.Managers.Where(m => m.UserId != actorUserId))
        {
            Queue(OutboxKinds.LeaveCancelRequested, manager, people, leave, edited: false);
        }
    }

    /// <summary>
    /// A manager answered the member's request to cancel: the leave is CANCELED (accepted) or still APPROVED (declined,
    /// <paramref name="declineNote"/> says why). To the member.
    /// </summary>
    public async Task CancelAnsweredAsync(Leave leave, Guid actorUserId, string? declineNote, CancellationToken cancellationToken)
    {
        var people = await LoadAsync(leave, actorUserId, withManagers: false, cancellationToken);
        if (people.Member.UserId != actorUserId) Queue(OutboxKinds.LeaveCancelAnswered, people.Member, people, leave, edited: false, declineNote);
        if (leave.Status == LeaveStatus.CANCELED) await webhooks.LeaveAsync(leave, WebhookEventTypes.LeaveCanceled, edited: false, cancellationToken);
    }

    private sealed record People(Guid CompanyId, string CompanyName, Party Member, Party Actor, List<Party> Managers);

    /// <summary>
    /// The leave's member, the actor and (when asked) the company's active managers, in one round trip: this runs
    /// inside the write's transaction, while the member's row is locked. The actor always has a membership here.
    /// </summary>
    private async Task<People> LoadAsync(Leave leave, Guid actorUserId, bool withManagers, CancellationToken cancellationToken,
        List<Guid>? approvers = null)
    {
        var companyOfLeave = db.Memberships.Where(l => l.Id == leave.MembershipId).Select(l => l.CompanyId);
        var toApprovers = approvers is not null;
        approvers ??= [];
        var rows = await db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == companyOfLeave.First()
                && (m.Id == leave.MembershipId || m.UserId == actorUserId
                    || (withManagers && m.Active && (toApprovers ? approvers.Contains(m.Id) : m.Role == UserRole.MANAGER || m.Role == UserRole.ADMIN))))
            .Select(m => new
            {
                m.Id, m.Active, m.Role, m.CompanyId, CompanyName = m.Company!.Name,
                Party = new Party(m.Id, m.UserId, m.User!.Email, m.User.Name, m.User.Language),
            })
            .ToListAsync(cancellationToken);
        var member = rows.Single(r => r.Id == leave.MembershipId);
        var actor = rows.First(r => r.Party.UserId == actorUserId);
        var managers = rows.Where(r => r.Active && (toApprovers ? approvers.Contains(r.Id) : Membership.IsManagerRole(r.Role)))
            .Select(r => r.Party).ToList();
        return new People(member.CompanyId, member.CompanyName, member.Party, actor.Party, withManagers ? managers : []);
    }

    /// <param name="decidable">A request the recipient decides: their mail carries Approve and Reject links (SPEC §11).</param>
    private void Queue(string kind, Party to, People people, Leave leave, bool edited, string? note = null, bool decidable = false) =>
        db.OutboxMessages.Add(OutboxMessageFactory.Create(kind, new LeaveMailPayload(
            to.Email, to.Name, to.Language, people.CompanyId, people.CompanyName, leave.MembershipId, people.Member.Name, people.Actor.Name,
            leave.Id, leave.Type.ToString(), leave.StartDate, leave.EndDate, leave.Days, leave.Status.ToString(),
            note ?? leave.ManagerNote, edited,
            decidable ? to.MembershipId : null, decidable ? DecisionLink.FingerprintOf(leave) : null)));
}
