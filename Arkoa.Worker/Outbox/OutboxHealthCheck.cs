using Arkoa.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Outbox;

/// <summary>
/// Mail delivery health: Degraded when a message was dead-lettered in the last 24 hours (it will never be sent without
/// an operator), or when the oldest message still to send is older than Outbox:PendingAgeThreshold (the SMTP server
/// refuses or the Worker cannot keep up).
/// </summary>
public sealed class OutboxHealthCheck(IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock) : IHealthCheck
{
    public const string Name = "outbox";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ArkoaDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var deadSince = now.AddHours(-24);

        var dead = await db.OutboxMessages.CountAsync(m => m.DeadAt != null && m.DeadAt > deadSince, cancellationToken);
        var oldestPending = await db.OutboxMessages.Where(m => m.SentAt == null && m.DeadAt == null)
            .MinAsync(m => (DateTime?)m.CreatedAt, cancellationToken);
        var data = new Dictionary<string, object> { ["deadLast24h"] = dead };
        if (oldestPending is { } oldest) data["oldestPendingAgeSeconds"] = (long)(now - oldest).TotalSeconds;

        var problems = new List<string>();
        if (dead > 0) problems.Add($"{dead} message(s) dead-lettered in the last 24 hours");
        if (oldestPending is { } pending && now - pending > options.Value.PendingAgeThreshold)
        {
            problems.Add($"the oldest message to send has waited {(now - pending):g}, more than {options.Value.PendingAgeThreshold:g}");
        }
        return problems.Count == 0
            ? HealthCheckResult.Healthy("Mail delivery is keeping up.", data)
            : HealthCheckResult.Degraded(string.Join("; ", problems) + ".", data: data);
    }
}
