using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Worker.Mail;
using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Outbox;

/// <summary>
/// Delivers outbox messages at least once, one message per transaction:
/// <list type="number">
/// <item>claim the oldest due message with FOR UPDATE SKIP LOCKED (another replica skips it while it is locked, and
/// once it is committed as sent no claim query matches it any more);</item>
/// <item>send it over the batch's SMTP session (the session is reused for up to BatchSize messages);</item>
/// <item>mark it sent (or failed, with back-off, then dead-lettered) and commit, which releases the lock.</item>
/// </list>
/// So two replicas never send the same message in normal operation. If the Worker dies after the SMTP server accepted a
/// message and before the commit, the lock goes with its connection, the message is still unsent in the database and is
/// sent again later: a duplicate with the same Message-Id (<see cref="MailComposer.MessageIdFor"/>), which mail clients and
/// servers can recognise; one message per transaction keeps that window to a single message. A message in flight is never
/// interrupted at shutdown: the stop signal is only looked at between messages.
/// </summary>
public sealed class OutboxDispatcher(
    IServiceScopeFactory scopes, MailSender sender, MailComposer composer, IOptions<OutboxOptions> options,
    TimeProvider clock, ILogger<OutboxDispatcher> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        WorkerMetrics.ExposeMailOutcomesAtZero();
        return PollingLoop.RunAsync(async ct => await DispatchBatchAsync(ct) >= options.Value.BatchSize,
            () => options.Value.PollInterval, clock, logger, "Outbox", stoppingToken);
    }

    /// <summary>Sends up to BatchSize due messages over one SMTP session; returns how many messages it handled.</summary>
    public async Task<int> DispatchBatchAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArkoaDbContext>();
        var session = new SmtpSession(sender);
        try
        {
            var handled = 0;
            while (handled < options.Value.BatchSize && !stoppingToken.IsCancellationRequested)
            {
                var room = options.Value.BatchSize - handled;
                var step = await db.InTransactionAsync(_ => DispatchNextAsync(db, session, room, stoppingToken), CancellationToken.None);
                handled += step;
                if (step == 0 || session.Unreachable) break;
            }
            return handled;
        }
        finally
        {
            await session.CloseAsync();
        }
    }

    // Runs inside one transaction: the claimed row stays locked until its sent/failed mark is committed.
    private async Task<int> DispatchNextAsync(ArkoaDbContext db, SmtpSession session, int room, CancellationToken stoppingToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = (await ClaimAsync(db, now, 1)).SingleOrDefault();
        if (message is null) return 0;

        if (session.Client is null)
        {
            try
            {
                await session.ConnectAsync(stoppingToken); // nothing was sent yet: cancelling here just rolls the claim back
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The server is unreachable: every due message of this batch counts an attempt, so back-off applies to all.
                var others = await ClaimAsync(db, now, room - 1);
                foreach (var failed in others.Prepend(message)) RecordFailure(failed, $"SMTP server unreachable: {e.Message}", now);
                session.Unreachable = true;
                await db.SaveChangesAsync(CancellationToken.None);
                return 1 + others.Count;
            }
        }

        await SendOneAsync(session.Client!, message, now);
        if (!session.Client!.IsConnected) await session.CloseAsync(); // a broken session is reopened for the next message
        await db.SaveChangesAsync(CancellationToken.None);
        return 1;
    }

    private static Task<List<OutboxMessage>> ClaimAsync(ArkoaDbContext db, DateTime now, int count) =>
        count <= 0
            ? Task.FromResult(new List<OutboxMessage>())
            : db.OutboxMessages.FromSql($"""
                SELECT * FROM outbox_messages
                WHERE sent_at IS NULL AND dead_at IS NULL AND next_attempt_at <= {now}
                ORDER BY next_attempt_at
                LIMIT {count}
                FOR UPDATE SKIP LOCKED
                """).ToListAsync(CancellationToken.None);

    private async Task SendOneAsync(SmtpClient client, OutboxMessage message, DateTime now)
    {
        try
        {
            // Not cancellable: a send cut after the server's acceptance would be rolled back here and sent again.
            // The client's own timeout bounds it.
            await MailSender.SendAsync(client, composer.Compose(message), CancellationToken.None);
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
        catch (Exception e)
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

    /// <summary>The SMTP session of one batch, opened at the first message.</summary>
    private sealed class SmtpSession(MailSender sender)
    {
        public SmtpClient? Client { get; private set; }
        public bool Unreachable { get; set; }

        public async Task ConnectAsync(CancellationToken cancellationToken) => Client = await sender.ConnectAsync(cancellationToken);

        public async Task CloseAsync()
        {
            if (Client is null) return;
            try
            {
                if (Client.IsConnected) await Client.DisconnectAsync(quit: true, CancellationToken.None);
            }
            catch (Exception e) when (e is IOException or MailKit.ProtocolException or MailKit.CommandException or TimeoutException)
            {
                // Closing a session that already broke: nothing to keep.
            }
            finally
            {
                Client.Dispose();
                Client = null;
            }
        }
    }
}
