extern alias ArkoaApi;

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArkoaApi::Arkoa.Api.Data;
using Arkoa.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Hostile input never harms another request (issue 13, point 17). A value Postgres refuses while binding it (a NUL
/// character in text) used to leave a pooled connection with a half-prepared statement, and the next request to run
/// the same SQL on that connection failed with a 500 (see Arkoa.Api/Data/PreparedStatementReset.cs).
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class HostileInputIsolationTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task Valid_requests_of_other_users_never_fail_while_an_attacker_sends_values_the_database_refuses()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var attacker = await ApiSession.SignUpAsync(app, "Mallory");
        // The members' own feeds: the valid requests run the same SQL as the hostile ones (the feed's token lookup).
        var feeds = new List<(ApiSession Member, string Path)>();
        foreach (var member in new[] { team.Admin, team.Manager, team.Employee })
        {
            var link = await member.Http.GetFromJsonAsync<JsonElement>($"/api/users/me/calendar-link?companyId={team.CompanyId}");
            feeds.Add((member, link.GetProperty("path").GetString()!));
        }
        var hostilePath = $"/api/companies/{team.CompanyId}/calendar.ics?token=a%00b";

        // Rounds of hostile and valid requests in parallel, so each pooled connection runs the token lookup many
        // times, interleaved; Npgsql prepares it on its fifth run on a connection, in the middle of this mix.
        var valid = new List<HttpStatusCode>();
        for (var round = 0; round < 40; round++)
        {
            var hostile = Enumerable.Range(0, 4).Select(_ => attacker.Http.GetAsync(hostilePath));
            var honest = feeds.Select(f => f.Member.Http.GetAsync(f.Path)).Append(team.Employee.Http.GetAsync(feeds[2].Path));
            var answers = await Task.WhenAll(hostile.Concat(honest).ToList());
            valid.AddRange(answers.Skip(4).Select(a => a.StatusCode));
        }

        Assert.Equal(40 * 4, valid.Count);
        var failed = valid.Count(status => status != HttpStatusCode.OK);
        Assert.True(failed == 0, $"{failed} of {valid.Count} valid requests failed: " +
            string.Join(", ", valid.Where(s => s != HttpStatusCode.OK).GroupBy(s => s).Select(g => $"{g.Count()} × {(int)g.Key}")));
    }

    [Fact]
    public async Task A_connection_whose_statement_was_refused_while_being_prepared_runs_that_statement_again()
    {
        // One connection (its own pool, by its application name), preparing on the fifth run as the Api does.
        var connection = new NpgsqlConnectionStringBuilder(await app.DatabaseConnectionStringAsync())
        {
            ApplicationName = $"prepared-statement-reset-{Guid.NewGuid():N}",
            MaxPoolSize = 1,
            MaxAutoPrepare = DatabasePool.DefaultMaxAutoPrepare,
            AutoPrepareMinUsages = 5,
        };
        var options = new DbContextOptionsBuilder<ArkoaDbContext>()
            .UseNpgsql(connection.ConnectionString)
            .AddInterceptors(PreparedStatementReset.Instance);
        ArkoaDbContextOptions.Apply(options);
        await using var db = new ArkoaDbContext(options.Options);
        Task<bool> Lookup(string token) => db.Users.AnyAsync(u => u.CalendarToken == token);

        for (var run = 1; run <= 4; run++) Assert.False(await Lookup("no such token"));
        // The fifth run prepares the statement, and Postgres refuses its value while binding it.
        var refused = await Assert.ThrowsAsync<PostgresException>(() => Lookup("a\0b"));
        Assert.Equal(PostgresErrorCodes.CharacterNotInRepertoire, refused.SqlState);

        // Same connection, same SQL: answered, not "unexpected DataRow".
        for (var run = 1; run <= 6; run++) Assert.False(await Lookup("no such token"));
    }
}
