using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>What operators rely on (SPEC §9): health documents and probes, /metrics of every service, Prometheus.</summary>
[Collection(AppCollection.Name)]
public sealed partial class OperationsTests(ArkoaAppFixture app)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    [InlineData("worker")]
    public async Task Every_service_answers_health_and_alive(string service)
    {
        var http = app.Client(service);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);
    }

    [Fact]
    public async Task The_api_health_document_reports_every_dependency_disk_memory_version_and_uptime_to_operators()
    {
        var response = await (await OperatorApiAsync()).GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("up", health.GetProperty("database").GetString());
        Assert.Equal("up", health.GetProperty("redis").GetString());
        Assert.Equal("up", health.GetProperty("smtp").GetString());
        var disk = health.GetProperty("disk");
        Assert.Equal("ok", disk.GetProperty("status").GetString());
        Assert.InRange(disk.GetProperty("freeBytes").GetInt64(), 1, disk.GetProperty("totalBytes").GetInt64());
        Assert.True(health.GetProperty("memory").GetProperty("workingSetBytes").GetInt64() > 0);
        Assert.True(health.GetProperty("memory").GetProperty("gcHeapBytes").GetInt64() > 0);
        Assert.False(string.IsNullOrWhiteSpace(health.GetProperty("version").GetString()));
        Assert.True(health.GetProperty("uptime").GetInt64() >= 0);
    }

    [Fact]
    public async Task The_api_health_is_503_without_the_database_and_200_again_when_it_returns_without_restarting_the_api()
    {
        var api = await OperatorApiAsync();
        await app.StopAsync("postgres");
        try
        {
            var (status, health) = await WaitForHealthAsync(api, HttpStatusCode.ServiceUnavailable);
            Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
            Assert.Equal("down", health.GetProperty("status").GetString());
            Assert.Equal("down", health.GetProperty("database").GetString());
            Assert.Equal("up", health.GetProperty("redis").GetString());
        }
        finally
        {
            await app.StartAsync("postgres");
            NpgsqlConnection.ClearAllPools(); // this test process's pooled connections died with the server
        }

        var (statusAfter, healthAfter) = await WaitForHealthAsync(api, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.OK, statusAfter);
        Assert.Equal("up", healthAfter.GetProperty("database").GetString());
        // Not only the probe: real work goes through the Api's (pooled) connections again.
        var user = await ApiSession.SignUpAsync(app);
        await user.CreateCompanyAsync();
    }

    [Theory]
    [InlineData("smtp")]
    [InlineData("redis")]
    public async Task Without_smtp_or_redis_the_api_health_is_degraded_not_down(string dependency)
    {
        var api = await OperatorApiAsync();
        await app.StopAsync(dependency);
        try
        {
            var health = await PollAsync(async () => await api.GetFromJsonAsync<JsonElement>("/api/health"),
                h => h.GetProperty(dependency).GetString() == "down");
            Assert.Equal("down", health.GetProperty(dependency).GetString());
            Assert.Equal("degraded", health.GetProperty("status").GetString());
            Assert.Equal("up", health.GetProperty("database").GetString());
        }
        finally
        {
            await app.StartAsync(dependency);
        }
        // The Api reconnects by itself: no restart.
        var recovered = await PollAsync(async () => await api.GetFromJsonAsync<JsonElement>("/api/health"),
            h => h.GetProperty("status").GetString() == "ok");
        Assert.Equal("ok", recovered.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_api_counts_requests_and_leaves_requested_by_type()
    {
        var api = app.Api();
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        // Leaves created: labelled by the route template, never by the ids in the path.
        static bool Created(IReadOnlyDictionary<string, string> labels) =>
            labels.TryGetValue("http_route", out var route) && route.TrimEnd('/').EndsWith("/leaves", StringComparison.Ordinal)
            && route.Contains("{membershipId", StringComparison.Ordinal)
            && labels.GetValueOrDefault("http_request_method") == "POST"
            && labels.GetValueOrDefault("http_response_status_code") == "201";
        var before = await PrometheusScrape.ReadAsync(api);

        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 3);
        foreach (var day in new[] { monday, monday.AddDays(1) })
        {
            var response = await user.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
                new { type = "SICK", startDate = day.Iso(), endDate = day.Iso() });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        }

        var expectedLeaves = before.Sum("arkoa_leaves_requested_total", ("type", "SICK")) + 2;
        var expectedRequests = before.Sum("http_server_request_duration_seconds_count", Created) + 2;
        var after = await PrometheusScrape.WaitForAsync(api, s =>
            s.Sum("arkoa_leaves_requested_total", ("type", "SICK")) >= expectedLeaves
            && s.Sum("http_server_request_duration_seconds_count", Created) >= expectedRequests);
        Assert.Equal(expectedLeaves, after.Sum("arkoa_leaves_requested_total", ("type", "SICK")));
        Assert.Equal(expectedRequests, after.Sum("http_server_request_duration_seconds_count", Created));
        Assert.DoesNotContain(user.UserId, after.Text);
        Assert.DoesNotContain(membershipId, after.Text);
    }

    [Fact]
    public async Task The_web_counts_its_requests_and_its_calls_to_the_api()
    {
        var web = app.Client("web");
        (string, string)[] page = [("http_route", "/sign-in"), ("http_request_method", "GET"), ("http_response_status_code", "200")];
        var before = await PrometheusScrape.ReadAsync(web);

        using var browser = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() })
        {
            BaseAddress = app.App.GetEndpoint("web", "http"),
        };
        var form = await browser.GetStringAsync("/sign-in");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/sign-in")).StatusCode);
        // A failed sign-in still makes the Web call the Api once.
        var signIn = await browser.PostAsync("/sign-in", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "sign-in",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups["token"].Value,
            ["Input.Email"] = ApiSession.UniqueEmail("metrics"),
            ["Input.Password"] = "wrong pass 1",
        }));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);

        var expectedPages = before.Sum("http_server_request_duration_seconds_count", page) + 2;
        var clientCallsBefore = before.Sum("http_client_request_duration_seconds_count");
        var after = await PrometheusScrape.WaitForAsync(web, s =>
            s.Sum("http_server_request_duration_seconds_count", page) >= expectedPages
            && s.Sum("http_client_request_duration_seconds_count") > clientCallsBefore);
        Assert.Equal(expectedPages, after.Sum("http_server_request_duration_seconds_count", page));
        Assert.True(after.Sum("http_client_request_duration_seconds_count") > clientCallsBefore);
    }

    [Fact]
    public async Task The_worker_counts_mails_sent()
    {
        // Several Worker replicas answer behind one address (the proxy picks one per connection):
        // a new connection per scrape, and each instance's count kept apart.
        var worker = app.Client("worker");
        worker.DefaultRequestHeaders.ConnectionClose = true;
        var before = new Dictionary<string, double>();
        for (var i = 0; i < 20 && before.Count < WorkerProcesses.Replicas; i++)
        {
            var scrape = await PrometheusScrape.ReadAsync(worker);
            // Every outcome is exposed from the start (at 0), so alerts see the first failure as an increase.
            foreach (var result in new[] { "sent", "retry", "dead" })
            {
                Assert.NotNull(scrape.Single("arkoa_mail_sent_total", ("result", result)));
            }
            before[scrape.Instance!] = scrape.Sum("arkoa_mail_sent_total", ("result", "sent"));
        }
        Assert.Equal(WorkerProcesses.Replicas, before.Count);

        // A real sign-up: its verification mail is the one counted.
        var user = await ApiSession.SignUpThroughApiAsync(app);
        Assert.Single(await app.Inbox().WaitForAsync(user.Email));

        var after = await PrometheusScrape.WaitForAsync(worker,
            s => s.Instance is { } instance && s.Sum("arkoa_mail_sent_total", ("result", "sent")) > before.GetValueOrDefault(instance, double.MaxValue));
        Assert.True(after.Sum("arkoa_mail_sent_total", ("result", "sent")) > before[after.Instance!]);
        Assert.DoesNotContain(user.Email, after.Text);
    }

    [Fact]
    public async Task The_worker_reports_the_outbox_backlog_as_counted_in_the_database()
    {
        var worker = app.Client("worker");
        await using var db = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await db.OpenAsync();
        // A message due tomorrow: pending, and left alone by the Worker during the test.
        var id = Guid.CreateVersion7();
        await ExecuteAsync(db, """
            INSERT INTO outbox_messages (id, kind, payload, attempts, next_attempt_at, created_at, updated_at)
            VALUES ($1, 'ops.metrics-test', '{}', 0, now() + interval '1 day', now(), now())
            """, id);
        try
        {
            var (gauge, counted) = await WaitForBacklogToMatchAsync(worker, db);
            Assert.Equal(counted, gauge);
            Assert.True(gauge >= 1);
        }
        finally
        {
            await ExecuteAsync(db, "DELETE FROM outbox_messages WHERE id = $1", id);
        }

        var (gaugeAfter, countedAfter) = await WaitForBacklogToMatchAsync(worker, db);
        Assert.Equal(countedAfter, gaugeAfter);
    }

    [Theory]
    [InlineData("api", true)]
    [InlineData("web", false)]
    [InlineData("worker", true)]
    public async Task Every_service_exposes_runtime_disk_and_database_metrics(string service, bool usesDatabase)
    {
        var scrape = await PrometheusScrape.WaitForAsync(app.Client(service), s => s.Has("arkoa_disk_free_bytes"));
        Assert.True(scrape.Has("http_server_request_duration_seconds_bucket"), "ASP.NET Core request histogram");
        Assert.True(scrape.Has("dotnet_gc_collections_total"), "runtime metrics");
        Assert.True(scrape.Has("dotnet_process_memory_working_set_bytes"), "process memory");
        Assert.InRange(scrape.Sum("arkoa_disk_free_bytes"), 1, scrape.Sum("arkoa_disk_size_bytes"));
        if (usesDatabase)
        {
            Assert.True(scrape.Has("db_client_connection_count"), "Npgsql pool metrics");
            Assert.True(scrape.Has("db_client_operation_duration_seconds_bucket"), "Npgsql command durations");
            Assert.True(scrape.Has("microsoft_entityframeworkcore_queries_total"), "EF Core metrics");
        }
    }

    [Fact]
    public async Task Api_responses_carry_the_security_headers()
    {
        var response = await app.Api().GetAsync("/api/health");
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.True(response.Headers.Contains("Referrer-Policy"));
    }

    [Fact]
    public async Task Prometheus_scrapes_every_service_and_evaluates_the_alert_rules()
    {
        var prometheus = app.Client("prometheus");
        var up = await PollAsync(async () =>
        {
            var targets = await prometheus.GetFromJsonAsync<JsonElement>("/api/v1/targets");
            return targets.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
                .Where(t => t.GetProperty("health").GetString() == "up")
                .Select(t => t.GetProperty("labels").GetProperty("service").GetString()!)
                .Order().ToList();
        }, services => services.SequenceEqual(["api", "web", "worker"]));
        Assert.Equal(["api", "web", "worker"], up);

        // The rules are deploy/prometheus/alerts.yml, loaded and evaluated without error.
        var rules = await prometheus.GetFromJsonAsync<JsonElement>("/api/v1/rules");
        var loaded = rules.GetProperty("data").GetProperty("groups").EnumerateArray()
            .SelectMany(g => g.GetProperty("rules").EnumerateArray()).ToList();
        Assert.Contains(loaded, r => r.GetProperty("name").GetString() == "ArkoaServiceDown");
        Assert.Contains(loaded, r => r.GetProperty("name").GetString() == "ArkoaBackupTooOld");
        Assert.All(loaded, r => Assert.NotEqual("err", r.GetProperty("health").GetString()));
    }

    [Fact]
    public async Task Every_resource_reports_its_health_to_the_dashboard()
    {
        // What the dashboard lists: every resource but parameters and the hidden helpers Aspire adds.
        var model = app.App.Services.GetRequiredService<DistributedApplicationModel>();
        var resources = model.Resources
            .Where(r => r is not ParameterResource)
            // A replicated project (the Worker) has a state per replica, not one under its own name.
            .Where(r => r is ProjectResource || (app.App.ResourceNotifications.TryGetCurrentState(r.Name, out var state) && !state.Snapshot.IsHidden))
            .Select(r => r.Name).ToList();
        Assert.All(["postgres", "arkoa", "redis", "smtp", "api", "web", "worker", "prometheus"], name => Assert.Contains(name, resources));

        using var timeout = new CancellationTokenSource(Patience);
        foreach (var name in resources)
        {
            // An earlier test may have just restarted the resource: wait through a stopped state instead of failing on it.
            var state = await app.App.ResourceNotifications.WaitForResourceHealthyAsync(name, WaitBehavior.WaitOnResourceUnavailable, timeout.Token);
            Assert.NotEmpty(state.Snapshot.HealthReports); // a real check behind the green light, not just "running"
        }
    }

    /// <summary>A client of the Api with the operations key, which /api/health needs to tell its details.</summary>
    private async Task<HttpClient> OperatorApiAsync()
    {
        var api = app.Api();
        api.DefaultRequestHeaders.Add(WorkerOps.KeyHeader, await new WorkerOps(app).KeyAsync());
        return api;
    }

    private static async Task<(HttpStatusCode Status, JsonElement Health)> WaitForHealthAsync(HttpClient api, HttpStatusCode wanted)
    {
        var result = await PollAsync(async () =>
        {
            var response = await api.GetAsync("/api/health");
            return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>());
        }, r => r.Item1 == wanted);
        return result;
    }

    private static async Task<(double Gauge, long Counted)> WaitForBacklogToMatchAsync(HttpClient worker, NpgsqlConnection db)
    {
        return await PollAsync(async () =>
        {
            await using var count = new NpgsqlCommand("SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND dead_at IS NULL", db);
            var counted = (long)(await count.ExecuteScalarAsync())!;
            var gauge = (await PrometheusScrape.ReadAsync(worker)).Single("arkoa_outbox_pending") ?? -1;
            return (gauge, counted);
        }, r => r.Item1 == r.Item2);
    }

    private static async Task ExecuteAsync(NpgsqlConnection db, string sql, Guid id)
    {
        await using var command = new NpgsqlCommand(sql, db);
        command.Parameters.AddWithValue(id);
        await command.ExecuteNonQueryAsync();
    }

    // Polls until the condition holds or the patience runs out; returns the last value either way for the assertions.
    private static async Task<T> PollAsync<T>(Func<Task<T>> read, Func<T, bool> done)
    {
        var deadline = DateTime.UtcNow + Patience;
        while (true)
        {
            T value;
            try
            {
                value = await read();
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
                continue;
            }
            if (done(value) || DateTime.UtcNow > deadline) return value;
            await Task.Delay(500);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
