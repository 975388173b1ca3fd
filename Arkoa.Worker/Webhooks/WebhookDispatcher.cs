using System.Security.Cryptography;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Arkoa.Worker.Mail;
using Arkoa.Worker.Outbox;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Webhooks;

/// <summary>
/// Delivers webhook deliveries at least once, as the mail outbox does, one delivery per transaction:
/// <list type="number">
/// <item>claim the oldest due delivery with FOR UPDATE SKIP LOCKED whose endpoint has no earlier undelivered event about
/// the same thing (a leave, a member): a later event waits for the earlier one, so a receiver sees a leave's events in
/// order. Another replica skips the locked row, and cannot take the later event while the earlier one is not
/// delivered;</item>
/// <item>sign and post it (<see cref="WebhookClient"/>); for a chat channel (Slack, Teams), render the envelope as the
/// service's message (<see cref="ChatMessage"/>, with links to the Web) and post that, unsigned, to the channel's
/// decrypted address: same claim, order, retries and dead letters;</item>
/// <item>record the attempt, mark it delivered, or schedule a retry with back-off and jitter, or dead-letter it after
/// MaxAttempts, and commit, which releases the lock.</item>
/// </list>
/// If the Worker dies during the post, the lock goes with its connection and the delivery is still due: it is posted
/// again, with the same event id (receivers de-duplicate on <c>Arkoa-Event-Id</c>). A delivery in flight is never
/// interrupted at shutdown: the stop signal is only looked at between deliveries.
/// </summary>
public sealed class WebhookDispatcher(
    IServiceScopeFactory scopes, WebhookClient client, WebhookSecretProtector protector, IOptions<WebhookOptions> options,
    IOptions<MailOptions> mail, ChatTexts chatTexts, TimeProvider clock, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WebhookMetrics.ExposeOutcomesAtZero();
        return PollingLoop.RunAsync(_ => DispatchNextAsync(), () => options.Value.PollInterval, clock, logger, "Webhook", stoppingToken);
    }

    /// <summary>Claims, posts and marks one due delivery; false when none was due.</summary>
    public async Task<bool> DispatchNextAsync()
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArkoaDbContext>();
        return await db.InTransactionAsync(async _ =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var delivery = await ClaimAsync(db, now);
            if (delivery is null) return false;
            var endpoint = await db.WebhookEndpoints.AsNoTracking().SingleAsync(e => e.Id == delivery.EndpointId, CancellationToken.None);

            WebhookPostResult result;
            try
            {
                // Not cancellable: a post cut after the receiver took it would be rolled back and sent again. Its timeout bounds it.
                result = endpoint.Kind == WebhookEndpointKind.WEBHOOK
                    ? await client.PostAsync(endpoint.Url, delivery, protector.Unprotect(endpoint.EncryptedSecret, endpoint.Id))
                    : await client.PostChatAsync(protector.Unprotect(endpoint.EncryptedSecret, endpoint.Id), delivery,
                        ChatMessage.Render(endpoint.Kind, chatTexts.Of(delivery.Body, endpoint.Language ?? "en", mail.Value.WebBaseUrl)));
            }
            catch (CryptographicException)
            {
                // The webhook key changed: nothing can sign this until the secret is rotated. Retried, then dead-lettered.
                result = new WebhookPostResult(null, 0, endpoint.Kind == WebhookEndpointKind.WEBHOOK
                    ? "The endpoint's secret cannot be read with this deployment's webhook key: rotate the secret."
                    : "The channel's address cannot be read with this deployment's webhook key: give it again.", null);
            }
            Record(db, delivery, result, now);
            await db.SaveChangesAsync(CancellationToken.None);
            return true;
        }, CancellationToken.None);
    }

    private static async Task<WebhookDelivery?> ClaimAsync(ArkoaDbContext db, DateTime now) =>
        (await db.WebhookDeliveries.FromSql($"""
            SELECT d.* FROM webhook_deliveries d
            JOIN webhook_endpoints e ON e.id = d.endpoint_id
            WHERE d.delivered_at IS NULL AND d.dead_at IS NULL AND d.next_attempt_at <= {now}
              AND (e.active OR d.event_type = {WebhookEventTypes.Ping})
              AND NOT EXISTS (
                SELECT 1 FROM webhook_deliveries earlier
                WHERE earlier.endpoint_id = d.endpoint_id AND earlier.ordering_key = d.ordering_key
                  AND earlier.sequence < d.sequence AND earlier.delivered_at IS NULL AND earlier.dead_at IS NULL)
            ORDER BY d.next_attempt_at, d.sequence
            LIMIT 1
            FOR UPDATE OF d SKIP LOCKED
            """).ToListAsync(CancellationToken.None)).SingleOrDefault();

    private void Record(ArkoaDbContext db, WebhookDelivery delivery, WebhookPostResult result, DateTime now)
    {
        var error = result.Error is { Length: > WebhookDeliveryAttempt.ErrorMaxLength } e ? e[..WebhookDeliveryAttempt.ErrorMaxLength] : result.Error;
        db.WebhookDeliveryAttempts.Add(new WebhookDeliveryAttempt
        {
            DeliveryId = delivery.Id, AttemptedAt = now, StatusCode = result.StatusCode, DurationMs = result.DurationMs,
            Error = error, ResponseExcerpt = result.ResponseExcerpt,
        });
        delivery.Attempts++;
        delivery.LastStatusCode = result.StatusCode;
        delivery.LastError = error;
        if (result.Delivered)
        {
            delivery.DeliveredAt = clock.GetUtcNow().UtcDateTime;
            delivery.Body = ""; // names, dates and leave types need not be kept once the receiver has them
            WebhookMetrics.Delivery("delivered");
            logger.LogInformation("Delivered webhook {DeliveryId} ({EventType}) to endpoint {EndpointId}.", delivery.Id, delivery.EventType, delivery.EndpointId);
        }
        else if (delivery.Attempts >= options.Value.MaxAttempts)
        {
            delivery.DeadAt = now;
            WebhookMetrics.Delivery("dead");
            logger.LogError("Dead-lettered webhook {DeliveryId} to endpoint {EndpointId} after {Attempts} attempts: {Error}",
                delivery.Id, delivery.EndpointId, delivery.Attempts, error);
        }
        else
        {
            var o = options.Value;
            delivery.NextAttemptAt = now + WebhookRetry.Delay(delivery.Attempts, o.FirstRetryDelay, o.MaxRetryDelay, Random.Shared.NextDouble());
            WebhookMetrics.Delivery("retry");
            logger.LogWarning("Webhook {DeliveryId} to endpoint {EndpointId} failed (attempt {Attempts}), retrying at {NextAttemptAt}: {Error}",
                delivery.Id, delivery.EndpointId, delivery.Attempts, delivery.NextAttemptAt, error);
        }
    }
}
