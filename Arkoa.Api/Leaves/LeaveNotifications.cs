using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Leaves;

/// <summary>
/// Queues the mails of SPEC §6 for leave events in the same unit of work as the change, so a mail is sent
/// if and only if the change committed. The actor never mails themself.
/// </summary>
public sealed class LeaveNotifications(ArkoaDbContext db)
{
    private sealed record Party(Guid UserId, string Email, string Name, string Language);

    public async Task SubmittedAsync(Leave leave, Guid actorUserId, bool edited, CancellationToken cancellationToken)
    {
        var (company, member, actor) = await LoadAsync(leave, actorUserId, cancellationToken);
        var managers = await db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == company.Id && m.Active && (m.Role == UserRole.MANAGER || m.Role == UserRole.ADMIN)
                && m.UserId != actorUserId)
            .Select(m => new Party(m.UserId, m.User!.Email, m.User.Name, m.User.Language))
            .ToListAsync(cancellationToken);
        foreach (var manager in managers)
        {
            Queue(OutboxKinds.LeaveSubmitted, manager, company, member, actor, leave, edited);
        }
    }

    public async Task ReviewedAsync(Leave leave, Guid actorUserId, CancellationToken cancellationToken)
    {
        var (company, member, actor) = await LoadAsync(leave, actorUserId, cancellationToken);
        if (member.UserId != actorUserId) Queue(OutboxKinds.LeaveReviewed, member, company, member, actor, leave, edited: false);
    }

    public async Task CanceledAsync(Leave leave, Guid actorUserId, CancellationToken cancellationToken)
    {
        var (company, member, actor) = await LoadAsync(leave, actorUserId, cancellationToken);
        if (member.UserId != actorUserId) Queue(OutboxKinds.LeaveCanceled, member, company, member, actor, leave, edited: false);
    }

    private async Task<(Company Company, Party Member, Party Actor)> LoadAsync(Leave leave, Guid actorUserId, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.AsNoTracking().Include(m => m.User).Include(m => m.Company)
            .SingleAsync(m => m.Id == leave.MembershipId, cancellationToken);
        var actor = await db.Users.AsNoTracking().SingleAsync(u => u.Id == actorUserId, cancellationToken);
        return (membership.Company!,
            new Party(membership.UserId, membership.User!.Email, membership.User.Name, membership.User.Language),
            new Party(actor.Id, actor.Email, actor.Name, actor.Language));
    }

    private void Queue(string kind, Party to, Company company, Party member, Party actor, Leave leave, bool edited) =>
        db.OutboxMessages.Add(OutboxMessageFactory.Create(kind, new LeaveMailPayload(
            to.Email, to.Name, to.Language, company.Id, company.Name, leave.MembershipId, member.Name, actor.Name,
            leave.Id, leave.Type.ToString(), leave.StartDate, leave.EndDate, leave.Days, leave.Status.ToString(),
            leave.ManagerNote, edited)));
}
