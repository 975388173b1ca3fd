using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// An endpoint's recent deliveries with their attempts, and sending a dead one again: the same for a webhook address
/// (<see cref="WebhookEndpoints"/>) and a Slack or Teams channel (<see cref="ChatChannelEndpoints"/>), once the caller
/// is known to be the company's admin and the endpoint theirs.
/// </summary>
public static class WebhookDeliveryHistory
{
    public const int RecentDeliveries = 50;

    public static async Task<List<WebhookDeliveryResponse>> ListAsync(ArkoaDbContext db, Guid endpointId, CancellationToken cancellationToken)
    {
        var rows = await db.WebhookDeliveries.AsNoTracking().Where(d => d.EndpointId == endpointId)
            .OrderByDescending(d => d.Sequence).Take(RecentDeliveries)
            .Include(d => d.AttemptLog.OrderBy(a => a.AttemptedAt))
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(d => new WebhookDeliveryResponse(
            d.Id, d.EventId, d.EventType, WebhookRedelivery.Status(d), d.Attempts, d.CreatedAt,
            d.DeliveredAt is null && d.DeadAt is null ? d.NextAttemptAt : null, d.DeliveredAt, d.DeadAt, d.LastStatusCode, d.LastError,
            d.AttemptLog.Select(a => new WebhookAttemptResponse(a.AttemptedAt, a.StatusCode, a.DurationMs, a.Error, a.ResponseExcerpt)).ToList())).ToList();
    }

    /// <summary>Queues a dead delivery of the endpoint again; 404 for another endpoint's, 409 for one not dead.</summary>
    public static async Task<Results<Accepted<QueuedWebhookDelivery>, ProblemHttpResult>> RedeliverAsync(
        ArkoaDbContext db, TimeProvider clock, Guid endpointId, Guid deliveryId, string listUrl, CancellationToken cancellationToken)
    {
        var delivery = await db.WebhookDeliveries.SingleOrDefaultAsync(d => d.Id == deliveryId && d.EndpointId == endpointId, cancellationToken);
        if (delivery is null) return Problems.NotFound(ProblemCodes.WebhookDeliveryNotFound, "The delivery");
        if (WebhookRedelivery.Redeliver(delivery, clock.GetUtcNow().UtcDateTime) is { } refusal) return refusal.ToProblem();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted(listUrl, new QueuedWebhookDelivery(delivery.Id, delivery.EventId, delivery.EventType));
    }
}
