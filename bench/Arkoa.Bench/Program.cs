using System.Globalization;
using Arkoa.Bench;
using Arkoa.Bench.Generation;
using Arkoa.Bench.Load;

// Arkoa's performance benchmark (docs/performance.md).
//   run       start the AppHost (local mode, throw-away data), generate the population, drive the endpoints, print figures
//   generate  only fill an existing, migrated database (--connection "Host=…;Database=arkoa;…")
var command = args.Length > 0 && !args[0].StartsWith("--", StringComparison.Ordinal) ? args[0] : "run";
var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
for (var i = command == "run" && (args.Length == 0 || args[0].StartsWith("--", StringComparison.Ordinal)) ? 0 : 1; i < args.Length; i++)
{
    if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
    {
        Console.Error.WriteLine($"Expected --name value pairs, got '{args[i]}'.");
        return 2;
    }
    values[args[i][2..]] = args[++i];
}
// A bad number stops the benchmark with the option's name, before anything starts.
int Int(string name, int fallback) => values.TryGetValue(name, out var v)
    ? int.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 0 ? n : throw BadOption(name, v, "a whole number, 0 or more")
    : fallback;
double? Rate(string name) => values.TryGetValue(name, out var v)
    ? double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var r) && r > 0 && double.IsFinite(r) ? r : throw BadOption(name, v, "a number of requests a second above 0")
    : null;
static ArgumentException BadOption(string name, string value, string expected) => new($"--{name} must be {expected}, not '{value}'.");

GeneratorOptions generator;
LoadOptions load;
try
{
    generator = new GeneratorOptions
    {
        Companies = Int("companies", 10),
        Users = Int("users", 10_000),
        Leaves = Int("leaves", 1_000_000),
        Seed = Int("seed", 42),
        Tag = values.GetValueOrDefault("tag", "bench"),
        TeamsPerCompany = Int("teams", 40),
    };
    load = new LoadOptions
    {
        Concurrency = Int("concurrency", 1000),
        Warmup = TimeSpan.FromSeconds(Int("warmup", 3)),
        Duration = TimeSpan.FromSeconds(Int("duration", 15)),
        SignedInEmployees = Int("employees", 200),
        Rate = Rate("rate"),
        WriteRate = Rate("write-rate"),
        Phases = values.TryGetValue("phases", out var phases) ? phases.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet() : new HashSet<string>(),
    };
}
catch (ArgumentException e)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}
using var stop = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };

if (command == "generate")
{
    if (!values.TryGetValue("connection", out var connection))
    {
        Console.Error.WriteLine("generate needs --connection \"Host=…;Port=…;Database=arkoa;Username=…;Password=…\".");
        return 2;
    }
    await DataGenerator.GenerateAsync(connection, generator, stop.Token);
    return 0;
}
if (command != "run")
{
    Console.Error.WriteLine($"Unknown command '{command}': use run or generate.");
    return 2;
}

Console.WriteLine($"bench: {generator.Companies} companies, {generator.Users} users, {generator.Leaves} leaves, seed {generator.Seed}; "
    + $"{load.Concurrency} connections, {(load.Rate is { } offered ? $"open loop at {offered:F0} req/s ({load.WriteRate ?? offered:F0} for writes)" : "closed loop")}, "
    + $"{load.Warmup.TotalSeconds:F0} s warm-up + {load.Duration.TotalSeconds:F0} s per endpoint");
Console.WriteLine($"bench: machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
var hold = values.GetValueOrDefault("hold") == "true";
await using var host = await BenchHost.StartAsync(Console.WriteLine, logSql: hold, stop.Token);
var population = await DataGenerator.GenerateAsync(host.ConnectionString, generator, stop.Token);
var memoryBefore = ProcessMemory.Api(host.Port);
var results = await LoadRunner.RunAsync(host.Api, population, load, stop.Token);
var memoryAfter = ProcessMemory.Api(host.Port);

Console.WriteLine();
Console.WriteLine($"Results ({population.Counts.Leaves:N0} leaves, {population.Counts.Users:N0} users, {population.Counts.Companies} companies, "
    + $"generated in {population.Counts.Elapsed.TotalSeconds:F0} s):");
Console.WriteLine(LoadRunner.Format(results));
if (memoryBefore is { } before && memoryAfter is { } after)
{
    Console.WriteLine($"Api memory: working set {before.RssMb} MB before the load, {after.RssMb} MB after, peak {after.PeakMb} MB");
}
if (hold)
{
    // For explain plans and manual checks: the system stays up (the Api logging its SQL) until Ctrl+C.
    Console.WriteLine($"hold: Api {host.Api}, database {host.ConnectionString}; Ctrl+C stops everything");
    try { await Task.Delay(Timeout.Infinite, stop.Token); }
    catch (OperationCanceledException) { /* Ctrl+C */ }
}
return results.Sum(r => r.Errors) == 0 ? 0 : 1;
