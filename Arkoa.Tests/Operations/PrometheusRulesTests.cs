using System.Text.RegularExpressions;

namespace Arkoa.Tests.Operations;

/// <summary>deploy/prometheus checked by Prometheus' own tool, as an operator's CI would before deploying it.</summary>
public sealed partial class PrometheusRulesTests : IDisposable
{
    // The alerts SPEC §9 asks for: service down, 5xx ratio, p95 latency, outbox backlog, mail failures, old backup, disk;
    // and webhook deliveries failing everywhere (issue 18).
    private static readonly string[] Alerts =
    [
        "ArkoaServiceDown", "ArkoaHighErrorRatio", "ArkoaHighLatency", "ArkoaOutboxBacklog",
        "ArkoaMailDeliveryFailing", "ArkoaMailDeadLettered", "ArkoaWebhookDeliveryFailing", "ArkoaBackupTooOld", "ArkoaBackupMissing", "ArkoaDiskSpaceLow",
    ];

    public static TheoryData<string> SpecAlerts()
    {
        var data = new TheoryData<string>();
        foreach (var alert in Alerts) data.Add(alert);
        return data;
    }

    private readonly string _scratch = Directory.CreateTempSubdirectory("arkoa-promtool-").FullName;

    [Fact]
    public async Task Promtool_accepts_the_scrape_config_with_the_target_list_the_apphost_writes()
    {
        foreach (var file in new[] { "prometheus.yml", "alerts.yml" })
        {
            File.Copy(Path.Combine(Repository.PrometheusDirectory, file), Path.Combine(_scratch, file));
        }
        await File.WriteAllTextAsync(Path.Combine(_scratch, "targets.json"),
            """[{"targets":["127.0.0.1:5170"],"labels":{"service":"api"}},{"targets":["127.0.0.1:5180"],"labels":{"service":"web"}}]""");

        var result = await Repository.RunAsync("promtool", ["check", "config", "prometheus.yml"], _scratch);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain("WARNING", result.Output);
        Assert.Contains("SUCCESS: 1 rule files found", result.Output);
    }

    [Fact]
    public async Task Promtool_accepts_the_alert_rules()
    {
        var result = await Repository.RunAsync("promtool", ["check", "rules", "alerts.yml"], Repository.PrometheusDirectory);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"SUCCESS: {RuleNames().Count} rules found", result.Output);
    }

    [Fact]
    public async Task The_alert_unit_tests_pass()
    {
        var result = await Repository.RunAsync("promtool", ["test", "rules", "alerts.test.yml"], Repository.PrometheusDirectory);
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("SUCCESS", result.Output);
    }

    [Theory]
    [MemberData(nameof(SpecAlerts))]
    public void Every_spec_alert_exists_and_has_a_unit_test_where_it_fires(string alert)
    {
        Assert.Contains(alert, RuleNames());
        var tests = File.ReadAllText(Path.Combine(Repository.PrometheusDirectory, "alerts.test.yml"));
        Assert.Matches(new Regex($@"alertname: {alert}\s+exp_alerts:\s+- exp_labels"), tests);
    }

    [Fact]
    public void Every_rule_is_one_of_the_tested_spec_alerts()
    {
        Assert.Equal(Alerts.Order(), RuleNames().Order());
    }

    private static List<string> RuleNames() =>
        AlertName().Matches(File.ReadAllText(Path.Combine(Repository.PrometheusDirectory, "alerts.yml")))
            .Select(m => m.Groups["name"].Value).ToList();

    public void Dispose() => Directory.Delete(_scratch, recursive: true);

    [GeneratedRegex(@"^\s*- alert: (?<name>\w+)\s*$", RegexOptions.Multiline)]
    private static partial Regex AlertName();
}
