using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Worker.Mail;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Outbox;

/// <summary>
/// Delivers outbox messages at least once. A batch is claimed with FOR UPDATE SKIP LOCKED inside a
/// transaction, so other Worker replicas skip it; each message is marked sent only after the SMTP server
/// accepted it. Failures are retried with exponential back-off, then dead-lettered.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, MailSender sender, MailComposer composer, IOptions<OutboxOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            int handled;
            try
            {
                handled = await DispatchBatchAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The database itself failed (or vanished): nothing was marked, so nothing is lost; look again later.
                logger.LogWarning(e, "Outbox batch failed before any message could be marked.");
                handled = 0;
            }
            if (handled < options.Value.BatchSize)
            {
                await Task.Delay(options.Value.PollInterval, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>Claims and sends one batch; returns how many messages it handled.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArkoaDbContext>();
        return await db.InTransactionAsync(ct => DispatchClaimedAsync(db, ct), cancellationToken);
    }

    // Runs inside the claim transaction: the row locks last until the sent/failed marks are committed.
    private async Task<int> DispatchClaimedAsync(ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var batchSize = options.Value.BatchSize;
        var batch = await db.OutboxMessages
            .FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {batchSize}
                FOR UPDATE SKIP LOCKED
                """)
            .ToListAsync(cancellationToken);
        if (batch.Count == 0) return 0;

        SmtpClient? client = null;
        try
        {
            client = await sender.ConnectAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            foreach (var message in batch) RecordFailure(message, $"SMTP server unreachable: {e.Message}", now);
        }

        if (client is not null)
        {
            using (client)
            {
                foreach (var message in batch) await SendOneAsync(client, message, now, cancellationToken);
                await client.DisconnectAsync(quit: true, CancellationToken.None).ConfigureAwait(false);
            }
        }

        await db.SaveChangesAsync(CancellationToken.None);
        return batch.Count;
    }

    private async Task SendOneAsync(SmtpClient client, OutboxMessage message, DateTime now, CancellationToken cancellationToken)
    {
        try
        {
            await MailSender.SendAsync(client, composer.Compose(message), cancellationToken);
            message.SentAt = clock.GetUtcNow().UtcDateTime;
            message.Attempts++;
            message.LastError = null;
            message.Payload = "{}"; // the payload may hold a one-time link token; once sent it need not be kept
            WorkerMetrics.MailSent("sent");
            logger.LogInformation("Sent outbox message {MessageId} ({Kind}).", message.Id, message.Kind);
        }
        catch (UnknownOutboxKindException e)
        {
            message.Attempts++;
            message.LastError = e.Message;
            message.DeadAt = now;
            WorkerMetrics.MailSent("dead");
            logger.LogError("Dead-lettered outbox message {MessageId}: {Error}", message.Id, e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RecordFailure(message, e.Message, now);
        }
    }

    private void RecordFailure(OutboxMessage message, string error, DateTime now)
    {
        message.Attempts++;
        message.LastError = error.Length <= 1000 ? error : error[..1000];
        if (message.Attempts >= options.Value.MaxAttempts)
        {
            message.DeadAt = now;
            WorkerMetrics.MailSent("dead");
            logger.LogError("Dead-lettered outbox message {MessageId} after {Attempts} attempts: {Error}", message.Id, message.Attempts, message.LastError);
        }
        else
        {
            message.NextAttemptAt = now + options.Value.RetryDelay(message.Attempts);
            WorkerMetrics.MailSent("retry");
            logger.LogWarning("Outbox message {MessageId} failed (attempt {Attempts}), retrying at {NextAttemptAt}: {Error}",
                message.Id, message.Attempts, message.NextAttemptAt, message.LastError);
        }
    }
}
