using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Bench.Generation;
using Arkoa.Core.Domain;

namespace Arkoa.Bench.Load;

/// <summary>A signed-in generated user and where they belong.</summary>
public sealed record BenchUser(GeneratedCompany Company, GeneratedMember Member, string Token);

/// <summary>Signs generated users in through the Api (once each, so the per-e-mail sign-in limit is never reached).</summary>
public static class BenchSessions
{
    public static async Task<(List<BenchUser> Employees, List<BenchUser> Admins)> SignInAsync(
        HttpClient client, Population population, int employees, Action<string> output, CancellationToken cancellationToken)
    {
        // Employees taken round-robin over the companies, so every company's data is read.
        var picked = new List<(GeneratedCompany, GeneratedMember)>();
        var queues = population.Companies.Select(c => new Queue<GeneratedMember>(c.Members.Where(m => m.Role == UserRole.EMPLOYEE))).ToList();
        while (picked.Count < employees && queues.Any(q => q.Count > 0))
        {
            for (var c = 0; c < queues.Count && picked.Count < employees; c++)
            {
                if (queues[c].TryDequeue(out var member)) picked.Add((population.Companies[c], member));
            }
        }
        var admins = population.Companies.Select(c => (c, c.Admin)).ToList();

        var started = DateTime.UtcNow;
        var signedIn = new ConcurrentDictionary<Guid, BenchUser>();
        // Password hashing is deliberately slow (PBKDF2); two at a time keeps the two cores busy without queueing.
        await Parallel.ForEachAsync(picked.Concat(admins), new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
            async (pair, ct) =>
            {
                var (company, member) = pair;
                using var response = await client.PostAsJsonAsync("/api/auth/sign-in", new { email = member.Email, password = population.Password }, ct);
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException($"Sign-in of {member.Email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(ct)}");
                using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
                signedIn[member.MembershipId] = new BenchUser(company, member, body.RootElement.GetProperty("token").GetString()!);
            });
        output($"load: signed in {picked.Count} employees and {admins.Count} admins in {(DateTime.UtcNow - started).TotalSeconds:F1} s");
        return (picked.Select(p => signedIn[p.Item2.MembershipId]).ToList(), admins.Select(a => signedIn[a.Admin.MembershipId]).ToList());
    }
}
