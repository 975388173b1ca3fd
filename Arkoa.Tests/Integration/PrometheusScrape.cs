using System.Globalization;
using System.Text.RegularExpressions;

namespace Arkoa.Tests.Integration;

/// <summary>One scrape of a service's /metrics (Prometheus text format), read the way PromQL selects series.</summary>
public sealed partial class PrometheusScrape
{
    private readonly List<(string Name, Dictionary<string, string> Labels, double Value)> _samples = [];

    public PrometheusScrape(string text)
    {
        Text = text;
        foreach (var line in text.Split('\n'))
        {
            var match = SampleLine().Match(line.TrimEnd('\r'));
            if (!match.Success) continue;
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["key"].Value, m => UnescapeLabel(m.Groups["value"].Value));
            _samples.Add((match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value)));
        }
    }

    public string Text { get; }

    /// <summary>The service instance that answered (OpenTelemetry's target_info), to tell replicas apart behind one address.</summary>
    public string? Instance => _samples.FirstOrDefault(s => s.Name == "target_info").Labels?.GetValueOrDefault("service_instance_id");

    /// <summary>Whether any series of this metric is exposed (whatever its labels).</summary>
    public bool Has(string name) => _samples.Any(s => s.Name == name);

    /// <summary>The sum of the series of <paramref name="name"/> carrying at least these labels (0 when there is none).</summary>
    public double Sum(string name, params (string Key, string Value)[] labels) =>
        _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value))
            .Sum(s => s.Value);

    /// <summary>The sum of the series of <paramref name="name"/> whose labels satisfy <paramref name="where"/>.</summary>
    public double Sum(string name, Func<IReadOnlyDictionary<string, string>, bool> where) =>
        _samples.Where(s => s.Name == name && where(s.Labels)).Sum(s => s.Value);

    /// <summary>The value of the only series of <paramref name="name"/> with these labels, or null when there is none.</summary>
    public double? Single(string name, params (string Key, string Value)[] labels)
    {
        var matching = _samples.Where(s => s.Name == name && labels.All(l => s.Labels.TryGetValue(l.Key, out var v) && v == l.Value)).ToList();
        return matching.Count switch
        {
            0 => null,
            1 => matching[0].Value,
            _ => throw new InvalidOperationException($"{matching.Count} series of {name} match."),
        };
    }

    public static async Task<PrometheusScrape> ReadAsync(HttpClient service) =>
        new(await service.GetStringAsync("/metrics"));

    /// <summary>Scrapes until <paramref name="condition"/> holds (the exporter caches a scrape briefly) or the time is up.</summary>
    public static async Task<PrometheusScrape> WaitForAsync(HttpClient service, Func<PrometheusScrape, bool> condition, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var scrape = await ReadAsync(service);
            if (condition(scrape) || DateTime.UtcNow > deadline) return scrape;
            await Task.Delay(250);
        }
    }

    private static string UnescapeLabel(string value) =>
        value.Replace("\\\"", "\"").Replace("\\n", "\n").Replace("\\\\", "\\");

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        "NaN" => double.NaN,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>.*)\})?\s+(?<value>\S+)(\s+-?\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<key>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>(?:[^""\\]|\\.)*)""")]
    private static partial Regex LabelPair();
}
