using Arkoa.Bench.Generation;
using Arkoa.Bench.Load;
using Arkoa.Core.Balances;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The benchmark (bench/Arkoa.Bench, docs/performance.md) at toy scale against the suite's AppHost, so it cannot rot:
/// the generator's rows satisfy the Api (sign-in, reads, creates and reviews all succeed) and the figures are printed.
/// No timing is asserted: the benchmark prints figures, it does not judge them.
/// </summary>
public sealed class BenchSmokeTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task Generated_population_serves_every_benchmarked_endpoint_without_error()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var tag = "smoke-" + Guid.NewGuid().ToString("N")[..10];
        var progress = new List<string>();
        var population = await DataGenerator.GenerateAsync((await app.DatabaseConnectionStringAsync())!,
            new GeneratorOptions { Companies = 2, Users = 20, Leaves = 800, Seed = 7, Tag = tag, TeamsPerCompany = 2, Progress = progress.Add }, timeout.Token);
        Assert.InRange(population.Counts.Leaves, 700, 800);
        Assert.Contains(progress, line => line.StartsWith("generate: done", StringComparison.Ordinal));
        // Every member has a primary team besides the default one (the team phases read them); two teams of five, so the
        // signed-in employees, the first of their company, each manage a team with others in it.
        Assert.All(population.Companies.SelectMany(c => c.Members), m => Assert.Contains(m.MembershipId, population.Companies[0].TeamOf.Keys));

        var output = new List<string>();
        var results = await LoadRunner.RunAsync(app.Api().BaseAddress!, population, new LoadOptions
        {
            Concurrency = 4,
            Warmup = TimeSpan.Zero,
            Duration = TimeSpan.FromSeconds(1),
            // Few enough that the anonymous baseline stays under the suite's per-client limit.
            MaxRequestsPerPhase = 40,
            SignedInEmployees = 4,
            Output = output.Add,
        }, timeout.Token);

        Assert.Equal(LoadRunner.PhaseNames, results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.Errors == 0, $"{r.Name}: {r.Errors} errors, first: {r.FirstError}"));
        Assert.All(results, r => Assert.True(r.Requests > 0, $"{r.Name} measured no request."));
        var table = LoadRunner.Format(results);
        Assert.Contains("p95 ms", table);
        Assert.Equal(results.Count + 1, table.Split(Environment.NewLine).Length);
    }

    [Fact]
    public async Task The_Worker_finds_a_generated_company_s_jobs_already_done_as_on_a_live_system()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var population = await DataGenerator.GenerateAsync((await app.DatabaseConnectionStringAsync())!,
            new GeneratorOptions { Companies = 1, Users = 6, Leaves = 60, Seed = 13, Tag = "smoke-jobs-" + Guid.NewGuid().ToString("N")[..10] },
            timeout.Token);
        var companyId = population.Companies[0].Id.ToString();
        // Generated companies use the defaults (Europe/Paris, carried days expiring on 31 March).
        var company = new Company { Name = "" };
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById(company.TimeZone)));
        var ops = new WorkerOps(app);

        // Without the recorded runs, the year change would credit every member a second time ("Done").
        Assert.Equal("AlreadyDone", (await ops.RunAsync("yearly-credit", companyId, today)).GetProperty("status").GetString());
        Assert.Equal("AlreadyDone", (await ops.RunAsync("yearly-credit", companyId, new DateOnly(today.Year - 1, 6, 1))).GetProperty("status").GetString());
        Assert.Equal("AlreadyDone", (await ops.RunAsync("pending-digest", companyId, today)).GetProperty("status").GetString());
        var expiry = CarryOver.ExpiryDate(company, today.Year);
        Assert.Equal(expiry <= today ? "AlreadyDone" : "NotDue",
            (await ops.RunAsync("carry-over-expiry", companyId, today)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task In_an_open_loop_each_phase_sends_exactly_the_offered_rate()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var tag = "smoke-open-" + Guid.NewGuid().ToString("N")[..10];
        var population = await DataGenerator.GenerateAsync((await app.DatabaseConnectionStringAsync())!,
            new GeneratorOptions { Companies = 1, Users = 10, Leaves = 100, Seed = 11, Tag = tag }, timeout.Token);

        var results = await LoadRunner.RunAsync(app.Api().BaseAddress!, population, new LoadOptions
        {
            Concurrency = 4,
            Rate = 20,
            Warmup = TimeSpan.Zero,
            Duration = TimeSpan.FromSeconds(1),
            MaxRequestsPerPhase = 40,
            SignedInEmployees = 2,
            Phases = new HashSet<string> { "baseline", "my-balances" },
            Output = _ => { },
        }, timeout.Token);

        // 20 planned starts in the measured second, however fast the answers come (a closed loop would send up to 40).
        Assert.Equal(["baseline", "my-balances"], results.Select(r => r.Name));
        Assert.All(results, r => Assert.True(r.Errors == 0, $"{r.Name}: {r.Errors} errors, first: {r.FirstError}"));
        Assert.All(results, r => Assert.Equal(20, r.Requests));
        Assert.Contains("offered/s", LoadRunner.Format(results));
    }
}
