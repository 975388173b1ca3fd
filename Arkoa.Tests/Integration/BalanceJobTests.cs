using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Integration;

/// <summary>The Worker's yearly credit, carry-forward and expiry (SPEC §7), triggered on fixed "as of" dates.</summary>
[Collection(AppCollection.Name)]
public sealed class BalanceJobTests(ArkoaAppFixture app)
{
    private readonly WorkerOps _ops = new(app);

    [Fact]
    public async Task Year_change_carries_over_up_to_the_cap_credits_the_year_once_and_expires_unused_carried_days()
    {
        var user = await ApiSession.SignUpAsync(app, "Year Change");
        var (companyId, membershipId) = await user.CreateCompanyAsync(annualLeaveDays: 25);
        var joinCredit = await user.BalanceAsync(companyId, membershipId, "PAID");
        await (await app.AnotherAdminAsync(user, companyId)).CreditAsync(companyId, membershipId, "PAID", 12.5m - joinCredit); // 12.5 days left at the end of the year
        var year = DateTime.UtcNow.Year + 1;

        // Two triggers at once: exactly one applies the year change.
        var newYear = new DateOnly(year, 1, 1);
        var both = await Task.WhenAll(_ops.RunAsync("yearly-credit", companyId, newYear), _ops.RunAsync("yearly-credit", companyId, newYear));
        Assert.Equal(["AlreadyDone", "Done"], both.Select(r => r.GetProperty("status").GetString()).Order());
        Assert.All(both, r => Assert.Equal(year.ToString(), r.GetProperty("period").GetString()));

        // 12.5 left, cap 5: 5 carried over + 25 credited = 30; the 7.5 above the cap are gone.
        Assert.Equal(30m, await user.BalanceAsync(companyId, membershipId, "PAID"));
        var yearChange = SystemRows(await user.HistoryAsync(companyId, membershipId));
        Assert.Equal([("AUTO_CREDIT", 25m), ("CARRY_FORWARD", -12.5m), ("CARRY_FORWARD", 5m)], yearChange);

        // Running again, even days later, changes nothing.
        Assert.Equal("AlreadyDone", (await _ops.RunAsync("yearly-credit", companyId, new DateOnly(year, 1, 5))).GetProperty("status").GetString());
        Assert.Equal(30m, await user.BalanceAsync(companyId, membershipId, "PAID"));

        // Leaves requested after the year change: days before the expiry date use carried days first.
        var company = new Company { Name = "counting" }; // the defaults: Mon–Fri, French holidays, carried days expire on 03-31
        var counter = LeaveDayCounter.For(company, []);
        var expiry = new DateOnly(year, 3, 31);
        var february = TestDates.FebruaryMondayNextYear();
        var spanning = (Start: expiry.AddDays(-2), End: expiry.AddDays(2));
        var april = new DateOnly(year, 4, 13);
        while (april.DayOfWeek != DayOfWeek.Tuesday) april = april.AddDays(1);
        await RequestAsync(user, companyId, membershipId, february, february.AddDays(1));            // 2 days, before expiry
        await RequestAsync(user, companyId, membershipId, spanning.Start, spanning.End);             // partly before expiry
        await RequestAsync(user, companyId, membershipId, april, april);                             // after expiry: not carried days
        var requested = 2 + counter.Count(spanning.Start, spanning.End, null, null) + 1;
        var takenFromCarry = 2 + counter.Count(spanning.Start, expiry.AddDays(-1), null, null);
        var expected = Math.Max(5 - takenFromCarry, 0);
        Assert.True(expected > 0, "The scenario must leave carried days to expire.");

        Assert.Equal("NotDue", (await _ops.RunAsync("carry-over-expiry", companyId, expiry.AddDays(-1))).GetProperty("status").GetString());
        Assert.Equal("Done", (await _ops.RunAsync("carry-over-expiry", companyId, expiry)).GetProperty("status").GetString());
        Assert.Equal(30m - requested - expected, await user.BalanceAsync(companyId, membershipId, "PAID"));
        var expiredRows = SystemRows(await user.HistoryAsync(companyId, membershipId)).Where(r => r.Type == "EXPIRATION").ToList();
        Assert.Equal([("EXPIRATION", -expected)], expiredRows);

        Assert.Equal("AlreadyDone", (await _ops.RunAsync("carry-over-expiry", companyId, expiry.AddDays(10))).GetProperty("status").GetString());
        Assert.Equal(30m - requested - expected, await user.BalanceAsync(companyId, membershipId, "PAID"));
    }

    [Fact]
    public async Task Members_who_joined_this_year_keep_their_prorated_credit_and_expiry_waits_for_the_year_change()
    {
        var user = await ApiSession.SignUpAsync(app, "Joined This Year");
        var (companyId, membershipId) = await user.CreateCompanyAsync(annualLeaveDays: 24);
        var prorated = await user.BalanceAsync(companyId, membershipId, "PAID");
        var thisYear = DateTime.UtcNow.Year;

        // The scheduler may already have run this year's period for the new company: either way nothing is credited.
        var outcome = await _ops.RunAsync("yearly-credit", companyId, new DateOnly(thisYear, 12, 31));
        Assert.Contains(outcome.GetProperty("status").GetString(), new[] { "Done", "AlreadyDone" });
        Assert.Equal(prorated, await user.BalanceAsync(companyId, membershipId, "PAID"));

        // Next year's expiry cannot run before next year's change.
        var early = await _ops.RunAsync("carry-over-expiry", companyId, new DateOnly(thisYear + 1, 4, 1));
        Assert.Equal("NotDue", early.GetProperty("status").GetString());
        Assert.Equal(prorated, await user.BalanceAsync(companyId, membershipId, "PAID"));
    }

    [Fact]
    public async Task Ops_endpoints_need_the_key_and_name_bad_input()
    {
        var anonymous = app.Client("worker");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/ops/jobs/yearly-credit", null)).StatusCode);
        anonymous.DefaultRequestHeaders.Add(WorkerOps.KeyHeader, "not-the-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/ops/status")).StatusCode);

        var http = await _ops.ClientAsync();
        var badDate = await http.PostAsync("/ops/jobs/yearly-credit?asOf=2027-13-01", null);
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.True((await badDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("asOf", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await http.PostAsync("/ops/jobs/yearly-credit?companyId=nope", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync("/ops/jobs/no-such-job", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.PostAsync($"/ops/jobs/yearly-credit?companyId={Guid.NewGuid()}", null)).StatusCode);
    }

    private static List<(string Type, decimal Change)> SystemRows(List<JsonElement> history) =>
        history.Where(h => h.GetProperty("actorId").ValueKind == JsonValueKind.Null
                && h.GetProperty("reason").GetString()?.StartsWith("Initial credit", StringComparison.Ordinal) != true)
            .Select(h => (h.GetProperty("type").GetString()!, h.GetProperty("change").GetDecimal()))
            .OrderBy(r => r.Item1, StringComparer.Ordinal).ThenBy(r => r.Item2)
            .ToList();

    private static async Task RequestAsync(ApiSession user, string companyId, string membershipId, DateOnly start, DateOnly end)
    {
        var response = await user.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "PAID", startDate = start.Iso(), endDate = end.Iso() });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
    }
}
