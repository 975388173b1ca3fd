using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Arkoa.Bench.Generation;
using Arkoa.Core.Days;

namespace Arkoa.Bench.Load;

/// <summary>
/// The benchmark's HTTP side: signs users in, then drives each endpoint in turn (the baseline first) and prints
/// throughput and latency percentiles per endpoint and the ratio of each to the baseline's throughput.
/// </summary>
public static class LoadRunner
{
    /// <summary>The endpoint that only runs one trivial Postgres query: the practical ceiling of this machine.</summary>
    public const string BaselinePath = "/api/bench/baseline";

    // Per 40 creates for one member: 16 PAID and 8 RTT days, within the generated reserve (20 and 10).
    private static readonly string[] CreateTypes = ["PAID", "RTT", "SICK", "PAID", "UNPAID"];

    public static readonly string[] PhaseNames =
        ["baseline", "my-leaves", "my-balances", "calendar-month", "team-calendar", "company-stats", "pending-page", "waiting-for-me",
            "create-leave", "review-leave"];

    public static async Task<IReadOnlyList<PhaseResult>> RunAsync(Uri api, Population population, LoadOptions options, CancellationToken cancellationToken)
    {
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = options.Concurrency,
            UseCookies = false,
            PooledConnectionIdleTimeout = TimeSpan.FromMinutes(5),
            ConnectTimeout = TimeSpan.FromSeconds(30),
            // As a browser: the Api sends its large cached views (the calendar) gzipped to clients that accept it.
            AutomaticDecompression = DecompressionMethods.GZip,
        };
        using var client = new HttpClient(handler) { BaseAddress = api, Timeout = TimeSpan.FromSeconds(60) };
        var (employees, admins) = await BenchSessions.SignInAsync(client, population, options.SignedInEmployees, options.Output, cancellationToken);
        if (employees.Count == 0 || admins.Count == 0) throw new InvalidOperationException("The population has no employee or no admin to sign in.");

        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var month = $"year={today.Year}&month={today.Month}";
        HttpRequestMessage Get(string path, BenchUser? user)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (user is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
            return request;
        }
        BenchUser Employee(long n) => employees[(int)(n % employees.Count)];
        BenchUser Admin(long n) => admins[(int)(n % admins.Count)];
        string Member(BenchUser u) => $"/api/companies/{u.Company.Id}/memberships/{u.Member.MembershipId}";
        // The signed-in employees are their companies' first ones, each the manager of their team (TeamGenerator).
        string TeamOf(BenchUser u) => u.Company.TeamOf.TryGetValue(u.Member.MembershipId, out var team) ? team.ToString() : "";

        // Writes: each employee asks for single days after the generated window, one new day each time (never overlapping),
        // in a mix of types of which PAID and RTT stay within the reserve every generated member keeps (MemberTimeline).
        var freeDays = FreeWorkingDays(today.AddDays(150), CreateTypes.Length * 8);
        var nextDay = new int[employees.Count];
        HttpRequestMessage? Create(long n)
        {
            var index = (int)(n % employees.Count);
            var k = Interlocked.Increment(ref nextDay[index]) - 1;
            if (k >= freeDays.Count) return null;
            var user = employees[index];
            var day = freeDays[k].ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var request = new HttpRequestMessage(HttpMethod.Post, Member(user) + "/leaves")
            {
                Content = JsonContent.Create(new { type = CreateTypes[k % CreateTypes.Length], startDate = day, endDate = day, reason = "bench" }),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", user.Token);
            return request;
        }
        // Reviews: the leaves the create phase made, then the generated PENDING ones, each once; half approved, half
        // rejected (which refunds). The admin of each company reviews its leaves.
        var adminOf = admins.ToDictionary(a => a.Company.Id);
        var toReview = new ConcurrentQueue<(BenchUser Admin, GeneratedLeave Leave)>();
        void Created(HttpResponseMessage response)
        {
            // Location: /api/companies/{companyId}/memberships/{membershipId}/leaves/{leaveId}
            var segments = response.Headers.Location?.OriginalString.Split('/') ?? [];
            if (segments.Length >= 8 && Guid.TryParse(segments[3], out var company) && Guid.TryParse(segments[5], out var member)
                && Guid.TryParse(segments[7], out var leave) && adminOf.TryGetValue(company, out var admin))
            {
                toReview.Enqueue((admin, new GeneratedLeave(leave, member)));
            }
        }
        HttpRequestMessage? Review(long n)
        {
            if (!toReview.TryDequeue(out var item)) return null;
            object body = n % 2 == 0 ? new { status = "APPROVED" } : new { status = "REJECTED", managerNote = "Too many people away" };
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/companies/{item.Admin.Company.Id}/leaves/{item.Leave.Id}/review")
            {
                Content = JsonContent.Create(body),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", item.Admin.Token);
            return request;
        }

        var phases = new (string Name, Func<long, HttpRequestMessage?> Next, int Status)[]
        {
            ("baseline", _ => Get(BaselinePath, null), 200),
            ("my-leaves", n => Get(Member(Employee(n)) + "/leaves?page=1&pageSize=20", Employee(n)), 200),
            ("my-balances", n => Get(Member(Employee(n)) + "/leave-balances", Employee(n)), 200),
            ("calendar-month", n => Get($"/api/companies/{Employee(n).Company.Id}/calendar?{month}", Employee(n)), 200),
            // Issue 16: the month of the employee's own team (25 people), and, as that team's manager, what waits for them.
            ("team-calendar", n => Get($"/api/companies/{Employee(n).Company.Id}/calendar?{month}&team={TeamOf(Employee(n))}", Employee(n)), 200),
            ("company-stats", n => Get($"/api/companies/{Admin(n).Company.Id}/stats", Admin(n)), 200),
            ("pending-page", n => Get($"/api/companies/{Admin(n).Company.Id}/leaves?status=PENDING&page=1&pageSize=20", Admin(n)), 200),
            ("waiting-for-me", n => Get($"/api/companies/{Employee(n).Company.Id}/leaves?waitingForMe=true&page=1&pageSize=20", Employee(n)), 200),
            ("create-leave", Create, 201),
            ("review-leave", Review, 200),
        };

        var results = new List<PhaseResult>();
        foreach (var (name, next, status) in phases)
        {
            if (options.Phases.Count > 0 && !options.Phases.Contains(name)) continue;
            var phaseOptions = options with { Rate = name is "create-leave" or "review-leave" ? options.WriteRate ?? options.Rate : options.Rate };
            var loop = phaseOptions.Rate is { } rate ? $"open loop at {rate:F0} req/s" : "closed loop";
            options.Output($"load: {name}, {options.Concurrency} connections, {loop}, {options.Warmup.TotalSeconds:F0} s warm-up + {options.Duration.TotalSeconds:F0} s; load average {LoadAverage()}");
            if (name == "review-leave")
            {
                foreach (var item in Interleave(population.Companies.Where(c => adminOf.ContainsKey(c.Id))
                    .Select(c => c.PendingLeaves.Select(l => (adminOf[c.Id], l)).ToList()))) toReview.Enqueue(item);
            }
            var result = await PhaseRunner.RunAsync(client, name, next, status, phaseOptions, cancellationToken, name == "create-leave" ? Created : null);
            options.Output($"load: {name}: {result.Requests} requests, {result.Errors} errors, {result.Throughput:F0} req/s, p95 {result.P95Ms:F1} ms"
                + (result.FirstError is null ? "" : $"; first error: {result.FirstError}"));
            results.Add(result);
        }
        return results;
    }

    /// <summary>
    /// The table the benchmark prints: one line per endpoint, throughput relative to the baseline's, and in an open-loop
    /// run the rate offered.
    /// </summary>
    public static string Format(IReadOnlyList<PhaseResult> results)
    {
        var baseline = results.FirstOrDefault(r => r.Name == "baseline")?.Throughput;
        var openLoop = results.Any(r => r.OfferedRate is not null);
        var offeredHeader = openLoop ? $" {"offered/s",9}" : "";
        var lines = new List<string>
        {
            $"{"endpoint",-16} {"conns",6}{offeredHeader} {"requests",9} {"errors",7} {"req/s",8} {"p50 ms",8} {"p95 ms",8} {"p99 ms",8} {"vs baseline",12}",
        };
        foreach (var r in results)
        {
            var ratio = baseline is > 0 ? (r.Throughput / baseline.Value).ToString("P0", CultureInfo.InvariantCulture) : "n/a";
            var offered = openLoop ? string.Create(CultureInfo.InvariantCulture, $" {r.OfferedRate,9:F0}") : "";
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"{r.Name,-16} {r.Concurrency,6}{offered} {r.Requests,9} {r.Errors,7} {r.Throughput,8:F0} {r.P50Ms,8:F1} {r.P95Ms,8:F1} {r.P99Ms,8:F1} {ratio,12}"));
        }
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>The machine's 1-minute load average: other work on a shared machine shows here.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static List<DateOnly> FreeWorkingDays(DateOnly from, int count)
    {
        // Same calendar as the generated companies: Mon–Fri, French public holidays, 24 and 31 December closed.
        var holidays = Enumerable.Range(from.Year, 4).SelectMany(y => new[] { new DateOnly(y, 12, 24), new DateOnly(y, 12, 31) });
        var counter = LeaveDayCounter.For(new Core.Domain.Company { Name = "" }, holidays);
        var days = new List<DateOnly>(count);
        for (var day = from; days.Count < count; day = day.AddDays(1))
        {
            if (counter.IsWorkingDay(day)) days.Add(day);
        }
        return days;
    }

    private static IEnumerable<T> Interleave<T>(IEnumerable<List<T>> lists)
    {
        var all = lists.ToList();
        for (var i = 0; all.Any(l => i < l.Count); i++)
        {
            foreach (var list in all)
            {
                if (i < list.Count) yield return list[i];
            }
        }
    }
}
