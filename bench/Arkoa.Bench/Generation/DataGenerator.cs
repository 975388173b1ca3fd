using System.Diagnostics;
using Arkoa.Core.Balances;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Npgsql;
using NpgsqlTypes;

namespace Arkoa.Bench.Generation;

/// <summary>
/// Fills a migrated Arkoa database with a company population through Npgsql binary COPY: companies with their holidays,
/// users (one shared password hash), memberships, leaves of every type and status, balances and their history,
/// consistent with the Api's rules (each balance equals the sum of its history and never went below zero).
/// </summary>
public static class DataGenerator
{
    private static readonly string[] FirstNames =
        ["Camille", "Louis", "Emma", "Hugo", "Léa", "Jules", "Chloé", "Lucas", "Manon", "Nathan", "Inès", "Arthur", "Sarah", "Gabriel", "Jade", "Paul"];
    private static readonly string[] LastNames =
        ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefebvre", "Michel", "Garcia", "Roux"];

    public static async Task<Population> GenerateAsync(string connectionString, GeneratorOptions options, CancellationToken cancellationToken)
    {
        var errors = options.Errors().ToList();
        if (errors.Count > 0) throw new ArgumentException(string.Join(" ", errors), nameof(options));
        var clock = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(now);
        var windowStart = new DateOnly(today.Year - options.Years + 1, 1, 1);
        var windowEnd = today.AddDays(90);
        var rng = new Random(options.Seed);
        // The Api's work factor, or every first sign-in would re-hash and write the user row.
        var hasher = new PasswordHasher<User>(Microsoft.Extensions.Options.Options.Create(
            new PasswordHasherOptions { IterationCount = Arkoa.Core.Security.PasswordHashing.Iterations }));
        var passwordHash = hasher.HashPassword(new User { Name = "", Email = "", PasswordHash = "" }, options.Password);

        // Companies and who belongs where: company c holds users [first(c), first(c + 1)); its first member is the ADMIN.
        var companies = Enumerable.Range(0, options.Companies)
            .Select(c => (Id: Ids.Next(rng), Name: $"{options.Tag} company {c + 1:D3}", First: (int)((long)c * options.Users / options.Companies)))
            .ToArray();
        var users = new (Guid UserId, Guid MembershipId, int Company, UserRole Role, string Email, string Name)[options.Users];
        for (int i = 0, c = 0; i < options.Users; i++)
        {
            while (c + 1 < companies.Length && companies[c + 1].First <= i) c++;
            var position = i - companies[c].First;
            var role = position == 0 ? UserRole.ADMIN : position % options.MembersPerManager == 0 ? UserRole.MANAGER : UserRole.EMPLOYEE;
            users[i] = (Ids.Next(rng), Ids.Next(rng), c, role, $"{options.Tag}-{i + 1:D6}@{options.Tag}-c{c + 1:D3}.example".ToLowerInvariant(),
                $"{FirstNames[rng.Next(FirstNames.Length)]} {LastNames[rng.Next(LastNames.Length)]} {i + 1}");
        }
        var holidays = new List<DateOnly>();
        for (var year = windowStart.Year; year <= windowEnd.Year; year++) holidays.AddRange([new DateOnly(year, 12, 24), new DateOnly(year, 12, 31)]);
        var company = new Company { Name = "" }; // default working days (Mon–Fri), FR holidays: what generated companies use
        var counter = LeaveDayCounter.For(company, holidays);

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // This session only: no per-row triggers (the company data version triggers would queue a million events, and
        // foreign keys are known to hold). Needs a superuser, as the AppHost's local Postgres gives. Versions are raised below.
        await ExecuteAsync(connection, "SET session_replication_role = replica", cancellationToken);
        // One transaction: the Worker's balance jobs and the Api never see a member without their balances.
        var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var created = DateTime.SpecifyKind(windowStart.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc).AddDays(-30);

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY companies (id, created_at, updated_at, name, annual_leave_days, time_zone, holiday_country, carry_over_max_days, carry_over_expires_on, working_days) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var c in companies)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(c.Name, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(company.AnnualLeaveDays, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(company.TimeZone, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(company.HolidayCountry, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(company.CarryOverMaxDays, NpgsqlDbType.Numeric, cancellationToken);
                await copy.WriteAsync(company.CarryOverExpiresOn, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(company.WorkingDays.Select(d => (int)d).ToArray(), NpgsqlDbType.Array | NpgsqlDbType.Integer, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY company_holidays (id, created_at, updated_at, company_id, date, name) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var c in companies)
            {
                foreach (var day in holidays)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(Ids.Next(rng), NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(day, NpgsqlDbType.Date, cancellationToken);
                    await copy.WriteAsync(day.Month == 12 && day.Day == 24 ? "Christmas Eve" : "New Year's Eve", NpgsqlDbType.Varchar, cancellationToken);
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }
        options.Progress($"generate: {companies.Length} companies, {holidays.Count * companies.Length} company holidays ({clock.Elapsed.TotalSeconds:F1} s)");

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY users (id, created_at, updated_at, name, email, email_verified, password_hash, language, failed_sign_in_count) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var u in users)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(u.UserId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(u.Name, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(u.Email, NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(passwordHash, NpgsqlDbType.Text, cancellationToken);
                await copy.WriteAsync(u.Email.Length % 4 == 0 ? "en" : "fr", NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(0, NpgsqlDbType.Integer, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY memberships (id, created_at, updated_at, user_id, company_id, role, active, joined_on) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var u in users)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(u.MembershipId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                await copy.WriteAsync(u.UserId, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(companies[u.Company].Id, NpgsqlDbType.Uuid, cancellationToken);
                await copy.WriteAsync(u.Role.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                await copy.WriteAsync(true, NpgsqlDbType.Boolean, cancellationToken);
                await copy.WriteAsync(windowStart.AddDays(-30), NpgsqlDbType.Date, cancellationToken);
            }
            await copy.CompleteAsync(cancellationToken);
        }
        var tagPattern = options.Tag.ToLowerInvariant() + "-%";
        await using (var link = new NpgsqlCommand(
            "UPDATE users u SET active_membership_id = m.id FROM memberships m WHERE m.user_id = u.id AND u.email LIKE @tag AND u.active_membership_id IS NULL", connection))
        {
            link.Parameters.AddWithValue("tag", tagPattern);
            await link.ExecuteNonQueryAsync(cancellationToken);
        }
        options.Progress($"generate: {users.Length} users and memberships ({clock.Elapsed.TotalSeconds:F1} s)");
        var teamOf = await TeamGenerator.WriteAsync(connection, [.. companies.Select(c => (c.Id, c.Name))],
            [.. users.Select((u, i) => new TeamGenerator.Member(u.MembershipId, companies[u.Company].Id, i - companies[u.Company].First, u.Role))],
            options.TeamsPerCompany, created, rng, cancellationToken);
        options.Progress($"generate: {options.TeamsPerCompany} teams per company and the default team ({clock.Elapsed.TotalSeconds:F1} s)");

        MemberTimeline Timeline(int i)
        {
            var count = (int)(options.Leaves / options.Users + (i < options.Leaves % options.Users ? 1 : 0));
            var reviewer = users[companies[users[i].Company].First].UserId;
            if (reviewer == users[i].UserId && users.Length > companies[users[i].Company].First + 1)
                reviewer = users[companies[users[i].Company].First + 1].UserId; // nobody reviews their own leave
            return MemberTimeline.Build(options.Seed, i, count, windowStart, windowEnd, today, now, company.AnnualLeaveDays, counter, users[i].UserId, reviewer);
        }

        // Pass 1: leaves (and, from the same timelines, the balances and the PENDING leaves the bench may review).
        long leaveRows = 0;
        var balances = new (Guid PaidId, decimal Paid, Guid RttId, decimal Rtt)[users.Length];
        var pending = companies.Select(_ => new List<GeneratedLeave>()).ToArray();
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY leaves (id, created_at, updated_at, membership_id, type, uses_balance, start_date, end_date, start_half, end_half, days, status, reason, manager_note, reviewed_by_id, reviewed_at, version) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < users.Length; i++)
            {
                var timeline = Timeline(i);
                balances[i] = (timeline.PaidBalanceId, timeline.Paid, timeline.RttBalanceId, timeline.Rtt);
                foreach (var l in timeline.Leaves)
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(l.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(l.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(l.UpdatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(users[i].MembershipId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(l.Type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(l.Type == LeaveType.PAID || l.Type == LeaveType.RTT, NpgsqlDbType.Boolean, cancellationToken);
                    await copy.WriteAsync(l.Start, NpgsqlDbType.Date, cancellationToken);
                    await copy.WriteAsync(l.End, NpgsqlDbType.Date, cancellationToken);
                    await WriteNullableAsync(copy, l.StartHalf?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullableAsync(copy, l.EndHalf?.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(l.Days, NpgsqlDbType.Numeric, cancellationToken);
                    await copy.WriteAsync(l.Status.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullableAsync(copy, l.Reason, NpgsqlDbType.Varchar, cancellationToken);
                    await WriteNullableAsync(copy, l.ManagerNote, NpgsqlDbType.Varchar, cancellationToken);
                    if (l.ReviewedById is { } reviewer) await copy.WriteAsync(reviewer, NpgsqlDbType.Uuid, cancellationToken); else await copy.WriteNullAsync(cancellationToken);
                    if (l.ReviewedAt is { } at) await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken); else await copy.WriteNullAsync(cancellationToken);
                    await copy.WriteAsync(l.Version, NpgsqlDbType.Integer, cancellationToken);
                    if (l.Status == LeaveStatus.PENDING && l.Start > today && users[i].Role == UserRole.EMPLOYEE)
                        pending[users[i].Company].Add(new GeneratedLeave(l.Id, users[i].MembershipId));
                }
                leaveRows += timeline.Leaves.Count;
                ReportEvery(options, i, users.Length, "leaves", leaveRows, clock);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY leave_balances (id, created_at, updated_at, membership_id, type, remaining_days) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < users.Length; i++)
            {
                foreach (var (id, type, remaining) in new[] { (balances[i].PaidId, LeaveType.PAID, balances[i].Paid), (balances[i].RttId, LeaveType.RTT, balances[i].Rtt) })
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(created, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(now, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(users[i].MembershipId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(remaining, NpgsqlDbType.Numeric, cancellationToken);
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }

        // Pass 2: the same timelines again, for the history rows (which reference leaves and balances written above).
        long historyRows = 0;
        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY leave_balance_history (id, created_at, updated_at, leave_balance_id, change, reason, type, actor_id, leave_id, membership_id, sequence, previous_hash, hash) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            for (var i = 0; i < users.Length; i++)
            {
                var timeline = Timeline(i);
                // The ledger's chain, as the database's insert trigger (off for this import) would have made it, in the
                // order the timeline applied the changes.
                var (sequence, previousHash) = (0L, LedgerHash.Genesis);
                foreach (var h in timeline.History)
                {
                    sequence++;
                    var balanceType = h.BalanceId == timeline.PaidBalanceId ? LeaveType.PAID : LeaveType.RTT;
                    var hash = LedgerHash.Of(new LedgerEntry(h.Id, users[i].MembershipId, sequence, balanceType, h.Type, h.Change,
                        h.ActorId, h.LeaveId, h.CreatedAt, previousHash, Hash: ""));
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(h.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(h.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(h.CreatedAt, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(h.BalanceId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(h.Change, NpgsqlDbType.Numeric, cancellationToken);
                    await copy.WriteAsync(h.Reason, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(h.Type.ToString(), NpgsqlDbType.Varchar, cancellationToken);
                    if (h.ActorId is { } actor) await copy.WriteAsync(actor, NpgsqlDbType.Uuid, cancellationToken); else await copy.WriteNullAsync(cancellationToken);
                    if (h.LeaveId is { } leave) await copy.WriteAsync(leave, NpgsqlDbType.Uuid, cancellationToken); else await copy.WriteNullAsync(cancellationToken);
                    await copy.WriteAsync(users[i].MembershipId, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(sequence, NpgsqlDbType.Bigint, cancellationToken);
                    await copy.WriteAsync(previousHash, NpgsqlDbType.Char, cancellationToken);
                    await copy.WriteAsync(hash, NpgsqlDbType.Char, cancellationToken);
                    previousHash = hash;
                }
                historyRows += timeline.History.Count;
                ReportEvery(options, i, users.Length, "history", historyRows, clock);
            }
            await copy.CompleteAsync(cancellationToken);
        }

        await using (var copy = await connection.BeginBinaryImportAsync(
            "COPY worker_job_runs (id, created_at, updated_at, job, company_id, period, summary) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var c in companies)
            {
                foreach (var (job, period, at) in WorkerJobHistory.For(company, windowStart.Year, now))
                {
                    await copy.StartRowAsync(cancellationToken);
                    await copy.WriteAsync(Ids.Next(rng), NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(at, NpgsqlDbType.TimestampTz, cancellationToken);
                    await copy.WriteAsync(job, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync(c.Id, NpgsqlDbType.Uuid, cancellationToken);
                    await copy.WriteAsync(period, NpgsqlDbType.Varchar, cancellationToken);
                    await copy.WriteAsync("generated", NpgsqlDbType.Varchar, cancellationToken);
                }
            }
            await copy.CompleteAsync(cancellationToken);
        }

        // The generated companies' data versions: a cached view made before this import could otherwise survive it.
        await using (var raise = new NpgsqlCommand("SELECT arkoa_raise_company_version(id) FROM unnest(@ids) AS id", connection))
        {
            raise.Parameters.AddWithValue("ids", companies.Select(c => c.Id).ToArray());
            await raise.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        await transaction.DisposeAsync();
        await ExecuteAsync(connection, "RESET session_replication_role", cancellationToken);

        // Fresh statistics, so the first queries of the benchmark get the plans a live database would have.
        // and a visibility map, so index-only scans work as on a database autovacuum has been through.
        await ExecuteAsync(connection,
            "VACUUM (ANALYZE) leaves, leave_balances, leave_balance_history, memberships, users, companies, company_holidays, teams, team_members, team_managers",
            cancellationToken);
        var counts = new GenerationCounts(companies.Length, users.Length, leaveRows, users.Length * 2L, historyRows,
            (long)holidays.Count * companies.Length, clock.Elapsed);
        options.Progress($"generate: done, {counts.Leaves} leaves, {counts.History} history rows, {counts.Balances} balances in {clock.Elapsed.TotalSeconds:F1} s");

        var population = companies.Select((c, index) => new GeneratedCompany(c.Id, c.Name,
            users.Where(u => u.Company == index).Select(u => new GeneratedMember(u.MembershipId, u.UserId, u.Email, u.Role)).ToList(),
            pending[index]) { TeamOf = teamOf }).ToList();
        return new Population(options.Password, population, counts);
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 900 };
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static async Task WriteNullableAsync(NpgsqlBinaryImporter copy, string? value, NpgsqlDbType type, CancellationToken cancellationToken)
    {
        if (value is null) await copy.WriteNullAsync(cancellationToken);
        else await copy.WriteAsync(value, type, cancellationToken);
    }

    private static void ReportEvery(GeneratorOptions options, int index, int total, string what, long rows, Stopwatch clock)
    {
        var step = Math.Max(1, total / 10);
        if ((index + 1) % step == 0 || index + 1 == total)
            options.Progress($"generate: {what} {rows:N0} rows, members {index + 1:N0}/{total:N0} ({(index + 1) * 100 / total}%, {clock.Elapsed.TotalSeconds:F1} s)");
    }
}
