using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The payroll export of a month (issue 18), CSV and JSON, against months counted by hand: a leave across 31 March
/// (Easter Monday inside), an unpaid half day, a canceled leave, a sick leave the manager sees by its type, and
/// balances read from the ledger up to midnight ending the month in Paris.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class PayrollExportTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private const string Types = "PAID,UNPAID,RTT,SICK,MATERNITY,PATERNITY,PARENTAL,BEREAVEMENT,MARRIAGE,MOVING,CHILD_SICK,TRAINING,UNJUSTIFIED,ADJUSTMENT";

    private static readonly string[] Header =
        ["membershipId", "memberName", "email", "team", "active", .. Types.Split(','), "unpaidDays", "totalDays", "paidBalanceAtMonthEnd", "rttBalanceAtMonthEnd"];

    private sealed record Scene(ApiSession Admin, string CompanyId, string AdminId, ApiSession Alice, string AliceId, string BobId);

    /// <summary>
    /// Alice: 10 PAID and 2 RTT credited now; PAID Fri 26 March – Tue 6 April 2027 (March 3 days: 26, 30, 31 — the 29th is
    /// Easter Monday —, April 4: 1, 2, 5, 6); UNPAID Mon 12 – Tue 13 April morning (1.5); RTT Wed 14 April canceled. Two
    /// PAID entries dated at the end of April: +1 at 23:59:59 in Paris (April's), +2 at midnight (May's).
    /// Bob: SICK Thu 1 – Fri 2 April (2). Carol: deactivated, no leave: not listed.
    /// </summary>
    private async Task<Scene> SceneAsync()
    {
        var admin = await ApiSession.SignUpAsync(app, "Payroll Admin");
        var (companyId, adminId) = await admin.CreateCompanyAsync();
        var alice = await ApiSession.SignUpAsync(app, "Payroll Alice");
        var aliceId = await app.AddMemberAsync(companyId, alice);
        var bob = await ApiSession.SignUpAsync(app, "=Payroll Bob");
        var bobId = await app.AddMemberAsync(companyId, bob);
        var carol = await ApiSession.SignUpAsync(app, "Payroll Carol");
        await app.DeactivateAsync(await app.AddMemberAsync(companyId, carol));
        await admin.CreditAsync(companyId, aliceId, "PAID", 10m);
        await admin.CreditAsync(companyId, aliceId, "RTT", 2m);

        var paid = await admin.CreateLeaveAsync(companyId, aliceId, "PAID", new(2027, 3, 26), new(2027, 4, 6));
        var unpaid = await admin.CreateLeaveAsync(companyId, aliceId, "UNPAID", new(2027, 4, 12), new(2027, 4, 13), endHalf: "MORNING");
        var canceled = await admin.CreateLeaveAsync(companyId, aliceId, "RTT", new(2027, 4, 14), new(2027, 4, 14));
        var sick = await admin.CreateLeaveAsync(companyId, bobId, "SICK", new(2027, 4, 1), new(2027, 4, 2));
        foreach (var leave in new[] { paid, unpaid, sick })
        {
            var review = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/leaves/{leave}/review", new { status = "APPROVED" });
            Assert.Equal(HttpStatusCode.OK, review.StatusCode);
        }
        var cancel = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{aliceId}/leaves/{canceled}/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        // Paris is on summer time (UTC+2) in April: its 30 April ends at 22:00 UTC.
        await app.AddLedgerEntryAtAsync(aliceId, "PAID", 1m, new DateTime(2027, 4, 30, 21, 59, 59, DateTimeKind.Utc));
        await app.AddLedgerEntryAtAsync(aliceId, "PAID", 2m, new DateTime(2027, 4, 30, 22, 0, 0, DateTimeKind.Utc));
        return new Scene(admin, companyId, adminId, alice, aliceId, bobId);
    }

    [Fact]
    public async Task The_csv_gives_each_member_s_days_of_the_month_and_balances_at_its_end_counted_by_hand()
    {
        var s = await SceneAsync();
        var initialPaid = Number(CompanyTestKit.InitialPaidDays(25));

        // An employee gets 403 with the exports' code (the other refusals are in ExportTests).
        await (await s.Alice.Http.GetAsync($"/api/companies/{s.CompanyId}/payroll.csv?month=2027-04"))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "manager-only-export");

        var april = await s.Admin.Http.GetAsync($"/api/companies/{s.CompanyId}/payroll.csv?month=2027-04");

        Assert.Equal(HttpStatusCode.OK, april.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", april.Content.Headers.ContentType?.ToString());
        Assert.Equal("payroll-2027-04.csv", april.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = await ReadAsync(april, ',');
        string[] Of(string id) => Without(rows.Single(r => r[0] == id), 2);
        // By name (a collation may place "=" anywhere, so only the two plain names are compared).
        Assert.Equal(["Payroll Admin", "Payroll Alice"], rows.Select(r => r[1]).Where(n => n.StartsWith('P')));
        Assert.Equal(3, rows.Count); // Carol, deactivated with no leave in April, is not listed
        // The formula-looking name is defused with a quote; the manager sees the sick leave as SICK.
        Assert.Equal(Row(s.BobId, "'=Payroll Bob", sick: "2", total: "2"), Of(s.BobId));
        Assert.Equal(Row(s.AdminId, "Payroll Admin", paidBalance: initialPaid), Of(s.AdminId));
        // April: PAID 4, UNPAID 1.5, the canceled RTT day not taken; PAID 10 − 7 + 1 (the entry of 23:59:59), RTT 2 − 1 + 1.
        Assert.Equal(Row(s.AliceId, "Payroll Alice", paid: "4", unpaidType: "1.5", unpaid: "1.5", total: "5.5", paidBalance: "4", rttBalance: "2"), Of(s.AliceId));
        Assert.Equal(s.Alice.Email, rows.Single(r => r[0] == s.AliceId)[2]);

        var march = await ReadAsync(await s.Admin.Http.GetAsync($"/api/companies/{s.CompanyId}/payroll.csv?month=2027-03"), ',');
        // March: PAID 3 (26, 30, 31); the entries dated 30 April are later movements, not in March's balance.
        Assert.Equal(Row(s.AliceId, "Payroll Alice", paid: "3", unpaid: "0", total: "3", paidBalance: "3", rttBalance: "2"),
            Without(march.Single(r => r[0] == s.AliceId), 2));
        // Bob took nothing in March but is active: listed with zeros.
        Assert.Equal("0", march.Single(r => r[0] == s.BobId)[Array.IndexOf(Header, "totalDays")]);
    }

    [Fact]
    public async Task The_french_dialect_separates_with_semicolons_and_writes_decimal_commas()
    {
        var s = await SceneAsync();

        var response = await s.Admin.Http.GetAsync($"/api/companies/{s.CompanyId}/payroll.csv?month=2027-04&format=fr");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alice = (await ReadAsync(response, ';')).Single(r => r[0] == s.AliceId);
        Assert.Equal(Row(s.AliceId, "Payroll Alice", paid: "4", unpaidType: "1,5", unpaid: "1,5", total: "5,5", paidBalance: "4", rttBalance: "2"), Without(alice, 2));
        var bad = await s.Admin.Http.GetAsync($"/api/companies/{s.CompanyId}/payroll.csv?month=2027-04&format=excel");
        await bad.AssertFieldErrorAsync("format");
    }

    [Fact]
    public async Task The_json_variant_gives_the_same_numbers_and_the_instant_the_balances_are_read_at()
    {
        var s = await SceneAsync();

        var report = await s.Admin.GetJsonAsync($"/api/companies/{s.CompanyId}/payroll?month=2027-04");

        Assert.Equal("2027-04", report.GetProperty("month").GetString());
        Assert.Equal("Europe/Paris", report.GetProperty("timeZone").GetString());
        Assert.Equal(new DateTime(2027, 4, 30, 22, 0, 0, DateTimeKind.Utc), report.GetProperty("balancesAt").GetDateTime().ToUniversalTime());
        var alice = report.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("membershipId").GetString() == s.AliceId);
        Assert.Equal(s.Alice.Email, alice.GetProperty("email").GetString());
        Assert.Equal(Types.Split(','), alice.GetProperty("days").EnumerateObject().Select(p => p.Name));
        Assert.Equal(4m, alice.GetProperty("days").GetProperty("PAID").GetDecimal());
        Assert.Equal(1.5m, alice.GetProperty("days").GetProperty("UNPAID").GetDecimal());
        Assert.Equal(0m, alice.GetProperty("days").GetProperty("RTT").GetDecimal());
        Assert.Equal(1.5m, alice.GetProperty("unpaidDays").GetDecimal());
        Assert.Equal(5.5m, alice.GetProperty("totalDays").GetDecimal());
        Assert.Equal(4m, alice.GetProperty("paidBalance").GetDecimal());
        Assert.Equal(2m, alice.GetProperty("rttBalance").GetDecimal());
        var bob = report.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("membershipId").GetString() == s.BobId);
        Assert.Equal(2m, bob.GetProperty("days").GetProperty("SICK").GetDecimal()); // managers see the real type
        Assert.Equal(3, report.GetProperty("members").GetArrayLength()); // Carol, deactivated with no leave, is not listed
    }

    [Fact]
    public async Task The_team_filter_keeps_that_team_s_members_whose_primary_team_is_named()
    {
        var s = await SceneAsync();
        var support = await s.Admin.AddTeamAsync(s.CompanyId, "Support");
        await s.Admin.JoinTeamAsync(s.CompanyId, support, s.AliceId, isPrimary: true);

        var report = await s.Admin.GetJsonAsync($"/api/companies/{s.CompanyId}/payroll?month=2027-04&team={support}");

        var alice = Assert.Single(report.GetProperty("members").EnumerateArray());
        Assert.Equal(s.AliceId, alice.GetProperty("membershipId").GetString());
        Assert.Equal("Support", alice.GetProperty("team").GetString());
        Assert.Equal(5.5m, alice.GetProperty("totalDays").GetDecimal());
    }

    [Theory]
    [InlineData("payroll.csv?month=2027-3")]
    [InlineData("payroll.csv?month=2101-01")]
    [InlineData("payroll.csv?month=1899-12")]
    [InlineData("payroll.csv")]
    [InlineData("payroll?month=March")]
    [InlineData("payroll?month=2027-04-01")]
    public async Task A_month_that_is_not_YYYY_MM_of_1900_to_2100_is_a_400_naming_month(string path)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();

        await (await admin.Http.GetAsync($"/api/companies/{companyId}/{path}")).AssertFieldErrorAsync("month");
    }

    [Fact]
    public async Task An_api_token_needs_the_read_scope_and_the_team_filter_is_checked_as_the_other_exports()
    {
        // Employees and other companies are refused with the other exports (ExportTests).
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var reader = await admin.CreateTokenAsync(app, companyId, "read");
        var writer = await admin.CreateTokenAsync(app, companyId, "write");

        foreach (var file in new[] { "payroll.csv", "payroll" })
        {
            var url = $"/api/companies/{companyId}/{file}?month=2027-04";
            Assert.Equal(HttpStatusCode.OK, (await reader.Http.GetAsync(url)).StatusCode);
            await (await writer.Http.GetAsync(url)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-scope-missing");
            await (await admin.Http.GetAsync($"{url}&team=not-a-team")).AssertFieldErrorAsync("team");
            Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"{url}&team={Guid.NewGuid()}")).StatusCode);
        }
    }

    private static string Number(decimal value) => value.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A row as the export writes it, without the e-mail and team (column 2 and 3), every type 0 unless named.</summary>
    private static string[] Row(string id, string name, string paid = "0", string unpaidType = "0", string sick = "0",
        string unpaid = "0", string total = "0", string paidBalance = "0", string rttBalance = "0")
    {
        var types = Types.Split(',').Select(t => t switch { "PAID" => paid, "UNPAID" => unpaidType, "SICK" => sick, _ => "0" });
        return [id, name, "true", .. types, unpaid, total, paidBalance, rttBalance];
    }

    /// <summary>The row without its e-mail and team (columns <paramref name="from"/> and the next).</summary>
    private static string[] Without(string[] row, int from) => [.. row[..from], .. row[(from + 2)..]];

    private static async Task<List<string[]>> ReadAsync(HttpResponseMessage response, char separator)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await CsvAnswer.ReadAsync(response, separator, Header);
    }
}
