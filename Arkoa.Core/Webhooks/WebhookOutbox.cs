using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.LeaveTypes;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// Queues webhook events in the unit of work of the change that causes them, like mails: one
/// <see cref="WebhookDelivery"/> per active endpoint of the company subscribed to the event, so an event is delivered
/// if and only if the change committed. Fanned out here rather than by the Worker: the subscriptions of the moment of
/// the change decide who receives it, each endpoint's row carries its own attempts, order and dead letter, and the
/// Worker has one kind of row to claim. A company with no endpoint pays one indexed query. The caller saves.
/// </summary>
public sealed class WebhookOutbox(ArkoaDbContext db, TimeProvider clock)
{
    /// <summary>A leave event: <see cref="WebhookEventTypes.LeaveSubmitted"/>, approved, rejected or canceled.</summary>
    public async Task LeaveAsync(Leave leave, string type, bool edited, CancellationToken cancellationToken)
    {
        // One round trip for the common case, a company without endpoints: its id comes with the endpoints.
        var companyOfLeave = db.Memberships.Where(m => m.Id == leave.MembershipId).Select(m => m.CompanyId);
        var subscribed = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => companyOfLeave.Contains(e.CompanyId) && e.Active && e.Events.Contains(type))
            .Select(e => new { e.Id, e.CompanyId }).ToListAsync(cancellationToken);
        if (subscribed.Count == 0) return;
        var companyId = subscribed[0].CompanyId;
        var endpoints = subscribed.Select(e => e.Id).ToList();
        var name = await db.Memberships.AsNoTracking().Where(m => m.Id == leave.MembershipId).Select(m => m.User!.Name).SingleAsync(cancellationToken);
        var types = await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken);
        var hidden = !LeaveViewer.Colleague.SeesTypeOf(leave.MembershipId, leave.Type, types.Sensitive);
        Queue(endpoints, companyId, type, leave.Id, new LeaveEventData(
            leave.Id, leave.MembershipId, name, hidden ? null : leave.Type.ToString(), hidden, leave.StartDate, leave.EndDate,
            leave.StartHalf?.ToString(), leave.EndHalf?.ToString(), leave.Days, leave.Status.ToString(), edited));
    }

    public async Task BalanceAdjustedAsync(Guid companyId, LeaveBalance balance, decimal change, LeaveBalanceHistoryType kind, CancellationToken cancellationToken)
    {
        var endpoints = await SubscribedAsync(companyId, WebhookEventTypes.BalanceAdjusted, cancellationToken);
        if (endpoints.Count == 0) return;
        var name = await db.Memberships.Where(m => m.Id == balance.MembershipId).Select(m => m.User!.Name).SingleAsync(cancellationToken);
        Queue(endpoints, companyId, WebhookEventTypes.BalanceAdjusted, balance.MembershipId, new BalanceEventData(
            balance.MembershipId, name, balance.Type.ToString(), change, balance.RemainingDays, kind.ToString()));
    }

    /// <summary><see cref="WebhookEventTypes.MemberJoined"/> or <see cref="WebhookEventTypes.MemberLeft"/>.</summary>
    public async Task MemberAsync(Membership membership, string type, CancellationToken cancellationToken)
    {
        var endpoints = await SubscribedAsync(membership.CompanyId, type, cancellationToken);
        if (endpoints.Count == 0) return;
        var user = membership.User ?? await db.Users.AsNoTracking().SingleAsync(u => u.Id == membership.UserId, cancellationToken);
        Queue(endpoints, membership.CompanyId, type, membership.Id,
            new MemberEventData(membership.Id, user.Name, user.Email, membership.Role.ToString()));
    }

    /// <summary>A test event to one endpoint, whatever it subscribes to and even when inactive.</summary>
    public WebhookDelivery Ping(WebhookEndpoint endpoint) =>
        Queue([endpoint.Id], endpoint.CompanyId, WebhookEventTypes.Ping, null, new PingEventData(endpoint.Id, "A test event sent from Arkoa.")).Single();

    private Task<List<Guid>> SubscribedAsync(Guid companyId, string type, CancellationToken cancellationToken) =>
        db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.CompanyId == companyId && e.Active && e.Events.Contains(type))
            .Select(e => e.Id).ToListAsync(cancellationToken);

    private List<WebhookDelivery> Queue(IReadOnlyList<Guid> endpoints, Guid companyId, string type, Guid? orderingKey, object data)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var eventId = Guid.CreateVersion7();
        var body = WebhookEnvelope.Serialize(eventId, type, now, companyId, data);
        var deliveries = endpoints.Select(endpoint => new WebhookDelivery
        {
            EndpointId = endpoint, CompanyId = companyId, EventId = eventId, EventType = type,
            OrderingKey = orderingKey, Body = body, NextAttemptAt = now,
        }).ToList();
        db.WebhookDeliveries.AddRange(deliveries);
        return deliveries;
    }
}
