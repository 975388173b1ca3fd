using System.Text;
using System.Text.Json;

namespace Arkoa.Tests.Operations;

/// <summary>deploy/grafana/arkoa.json: valid PromQL on Arkoa's series, covering what SPEC §9 asks to watch.</summary>
public sealed class GrafanaDashboardTests : IDisposable
{
    private static readonly string DashboardFile = Path.Combine(Repository.Root, "deploy", "grafana", "arkoa.json");
    private readonly string _scratch = Directory.CreateTempSubdirectory("arkoa-dashboard-").FullName;

    [Fact]
    public async Task Every_panel_query_is_valid_promql()
    {
        var queries = Queries();
        Assert.NotEmpty(queries);
        // promtool parses each query as a recording rule; Grafana's variables become what they expand to.
        var rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        for (var i = 0; i < queries.Count; i++)
        {
            var expr = queries[i].Replace("$__rate_interval", "5m").Replace("$service", ".+");
            rules.Append($"      - record: dashboard:query_{i}\n        expr: {JsonSerializer.Serialize(expr)}\n");
        }
        await File.WriteAllTextAsync(Path.Combine(_scratch, "dashboard.rules.yml"), rules.ToString());

        var result = await Repository.RunAsync("promtool", ["check", "rules", "dashboard.rules.yml"], _scratch);
        Assert.True(result.ExitCode == 0, result.ToString());
    }

    [Theory]
    [InlineData("requests", "http_server_request_duration_seconds_count")]
    [InlineData("latency", "http_server_request_duration_seconds_bucket")]
    [InlineData("errors", "http_response_status_code=~\"5..\"")]
    [InlineData("leaves requested", "arkoa_leaves_requested_total")]
    [InlineData("leaves reviewed", "arkoa_leaves_reviewed_total")]
    [InlineData("outbox", "arkoa_outbox_pending")]
    [InlineData("mail", "arkoa_mail_sent_total")]
    [InlineData("backup age", "arkoa_backup_last_success_timestamp_seconds")]
    [InlineData("backup duration", "arkoa_backup_duration_seconds")]
    [InlineData("disk", "arkoa_disk_free_bytes")]
    public void The_dashboard_shows(string what, string series)
    {
        Assert.True(Queries().Any(q => q.Contains(series, StringComparison.Ordinal)), $"No panel shows {what} ({series}).");
    }

    [Fact]
    public void The_dashboard_imports_with_a_datasource_of_the_operators_choice()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardFile));
        var root = dashboard.RootElement;
        Assert.Equal("DS_PROMETHEUS", root.GetProperty("__inputs")[0].GetProperty("name").GetString());
        Assert.False(string.IsNullOrWhiteSpace(root.GetProperty("uid").GetString()));
        var ids = root.GetProperty("panels").EnumerateArray().Select(p => p.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    private static List<string> Queries()
    {
        using var dashboard = JsonDocument.Parse(File.ReadAllText(DashboardFile));
        return dashboard.RootElement.GetProperty("panels").EnumerateArray()
            .Where(p => p.TryGetProperty("targets", out _))
            .SelectMany(p => p.GetProperty("targets").EnumerateArray())
            .Select(t => t.GetProperty("expr").GetString()!)
            .ToList();
    }

    public void Dispose() => Directory.Delete(_scratch, recursive: true);
}
