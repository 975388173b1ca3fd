using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Worker's webhook-retention job (issue 18), run for chosen days through /ops: delivered webhook and chat
/// deliveries older than 30 days go with their attempts, dead letters older than 90; recent ones, younger dead letters,
/// deliveries still waiting and other companies' rows stay; a day runs once, even asked twice at the same time.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WebhookRetentionJobTests(ArkoaAppFixture app)
{
    private const string Job = "webhook-retention";
    private readonly WorkerOps _ops = new(app);

    [Fact]
    public async Task Old_delivered_and_old_dead_deliveries_go_the_rest_stay_and_a_day_runs_once()
    {
        var company = await TestCompany.CreateAsync(app);
        var other = await TestCompany.CreateAsync(app);
        // An address nobody answers: no delivery below is ever due, they are written as the Worker leaves them.
        var hook = await company.CreateWebhookAsync("https://127.0.0.1:9/hook");
        var otherHook = await other.CreateWebhookAsync("https://127.0.0.1:9/hook");
        var slack = (await company.CreateChatChannelAsync("SLACK", ChatChannelKit.SlackUrl)).GetProperty("id").GetString()!;

        var oldDelivered = await InsertAsync(company.CompanyId, hook.Id, deliveredDaysAgo: 31);
        var oldChat = await InsertAsync(company.CompanyId, slack, deliveredDaysAgo: 45);
        var recentDelivered = await InsertAsync(company.CompanyId, hook.Id, deliveredDaysAgo: 29);
        var oldDead = await InsertAsync(company.CompanyId, hook.Id, deadDaysAgo: 91);
        var recentDead = await InsertAsync(company.CompanyId, slack, deadDaysAgo: 89);
        var waiting = await InsertAsync(company.CompanyId, hook.Id, createdDaysAgo: 200);
        var otherCompanys = await InsertAsync(other.CompanyId, otherHook.Id, deliveredDaysAgo: 100);
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Europe/Paris"));

        var run = await _ops.RunAsync(Job, company.CompanyId, today);
        Assert.Equal("Done", run.GetProperty("status").GetString());
        Assert.StartsWith("2 delivered before", run.GetProperty("summary").GetString());
        Assert.Contains("and 1 dead letters", run.GetProperty("summary").GetString());

        foreach (var gone in new[] { oldDelivered, oldChat, oldDead })
        {
            Assert.Equal(0, await _ops.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries WHERE id = $1", gone));
            Assert.Equal(0, await _ops.ScalarAsync<long>("SELECT count(*) FROM webhook_delivery_attempts WHERE delivery_id = $1", gone));
        }
        foreach (var kept in new[] { recentDelivered, recentDead, waiting, otherCompanys })
        {
            Assert.Equal(1, await _ops.ScalarAsync<long>("SELECT count(*) FROM webhook_deliveries WHERE id = $1", kept));
            Assert.Equal(1, await _ops.ScalarAsync<long>("SELECT count(*) FROM webhook_delivery_attempts WHERE delivery_id = $1", kept));
        }

        // The day again: nothing more. The next day asked twice at once (two replicas): one runs it, the other finds it done.
        Assert.Equal("AlreadyDone", (await _ops.RunAsync(Job, company.CompanyId, today)).GetProperty("status").GetString());
        var both = await Task.WhenAll(_ops.RunAsync(Job, company.CompanyId, today.AddDays(1)), _ops.RunAsync(Job, company.CompanyId, today.AddDays(1)));
        Assert.Equal(["AlreadyDone", "Done"], both.Select(r => r.GetProperty("status").GetString()).Order());
        Assert.Equal(1, await _ops.ScalarAsync<long>(
            "SELECT count(*) FROM worker_job_runs WHERE job = $1 AND company_id = $2::uuid AND period = $3", Job, company.CompanyId, today.AddDays(1).ToString("yyyy-MM-dd")));
        // Seen from the company's admin: the recent delivery is still listed, the old one no longer.
        var listed = (await company.Admin.GetJsonAsync(company.WebhooksUrl($"/{hook.Id}/deliveries"))).EnumerateArray()
            .Select(d => d.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(recentDelivered, listed);
        Assert.DoesNotContain(oldDelivered, listed);
    }

    /// <summary>A delivery (with one attempt) as the Worker leaves it: delivered, dead, or still waiting its next try in a year.</summary>
    private async Task<Guid> InsertAsync(string companyId, string endpointId, int? deliveredDaysAgo = null, int? deadDaysAgo = null, int createdDaysAgo = 0)
    {
        var id = Guid.NewGuid();
        var created = Math.Max(createdDaysAgo, Math.Max(deliveredDaysAgo ?? 0, deadDaysAgo ?? 0));
        await _ops.ExecuteSqlAsync("""
            INSERT INTO webhook_deliveries (id, endpoint_id, company_id, event_id, event_type, body, attempts, next_attempt_at,
                delivered_at, dead_at, created_at, updated_at)
            VALUES ($1, $2::uuid, $3::uuid, gen_random_uuid(), 'ping', '{}', 1, now() + interval '365 days',
                now() - make_interval(days => $4), now() - make_interval(days => $5), now() - make_interval(days => $6), now())
            """, id, endpointId, companyId, (object?)deliveredDaysAgo ?? DBNull.Value, (object?)deadDaysAgo ?? DBNull.Value, created);
        await _ops.ExecuteSqlAsync("""
            INSERT INTO webhook_delivery_attempts (id, delivery_id, attempted_at, status_code, duration_ms, created_at, updated_at)
            VALUES (gen_random_uuid(), $1, now(), 200, 5, now(), now())
            """, id);
        return id;
    }
}
