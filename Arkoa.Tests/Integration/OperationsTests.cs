using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

[Collection(AppCollection.Name)]
public sealed class OperationsTests(ArkoaAppFixture app)
{
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
    public async Task The_api_health_document_reports_the_database()
    {
        var response = await app.Api().GetAsync("/api/health");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal("up", health.GetProperty("database").GetString());
        Assert.True(health.GetProperty("uptimeSeconds").GetInt64() >= 0);
    }

    [Fact]
    public async Task The_api_exposes_prometheus_metrics_with_request_counts_and_leaves()
    {
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 3);
        var created = await user.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "SICK", startDate = monday.Iso(), endDate = monday.Iso() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        // The exporter caches a scrape briefly; poll until this request shows.
        string metrics = "";
        for (var attempt = 0; attempt < 40 && !metrics.Contains("arkoa_leaves_requested_total{"); attempt++)
        {
            await Task.Delay(250);
            metrics = await app.Api().GetStringAsync("/metrics");
        }
        Assert.Contains("http_server_request_duration_seconds_count{", metrics);
        Assert.Contains("arkoa_leaves_requested_total{", metrics);
        Assert.Contains("type=\"SICK\"", metrics);
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
    public async Task Prometheus_scrapes_every_service()
    {
        var prometheus = app.Client("prometheus");
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HashSet<string> up = [];
        while (DateTime.UtcNow < deadline)
        {
            var targets = await prometheus.GetFromJsonAsync<JsonElement>("/api/v1/targets");
            up = targets.GetProperty("data").GetProperty("activeTargets").EnumerateArray()
                .Where(t => t.GetProperty("health").GetString() == "up")
                .Select(t => t.GetProperty("labels").GetProperty("service").GetString()!)
                .ToHashSet();
            if (up.SetEquals(["api", "web", "worker"])) break;
            await Task.Delay(1000);
        }
        Assert.Equal(["api", "web", "worker"], up.Order());
    }
}
