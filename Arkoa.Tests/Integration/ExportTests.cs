using System.Net;
using System.Net.Http.Json;

namespace Arkoa.Tests.Integration;

/// <summary>The manager's CSV exports: balances and balance history, read back with CsvHelper.</summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ExportTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task The_balances_export_lists_every_member_s_balances_and_defuses_formulas()
    {
        var admin = await ApiSession.SignUpAsync(app, "Export Admin");
        var (companyId, adminId) = await admin.CreateCompanyAsync();
        var sneaky = await ApiSession.SignUpAsync(app, "=cmd|' /C calc'!A0");
        var sneakyId = await app.AddMemberAsync(companyId, sneaky);
        await app.SetBalanceAsync(adminId, "PAID", 12m);
        await admin.CreditAsync(companyId, sneakyId, "PAID", 5.5m);
        await admin.CreditAsync(companyId, sneakyId, "RTT", 2m);

        var response = await admin.Http.GetAsync($"/api/companies/{companyId}/leave-balances.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^leave-balances-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = await CsvAnswer.ReadAsync(response, ',', "memberName", "email", "active", "type", "remainingDays");
        Assert.Equal(
            [
                ["Export Admin", admin.Email, "true", "PAID", "12"],
                ["Export Admin", admin.Email, "true", "RTT", "0"],
                ["'=cmd|' /C calc'!A0", sneaky.Email, "true", "PAID", "5.5"],
                ["'=cmd|' /C calc'!A0", sneaky.Email, "true", "RTT", "2"],
            ],
            rows.OrderBy(r => r[1] == admin.Email ? 0 : 1).ThenBy(r => r[3]).ToList());
    }

    [Fact]
    public async Task The_history_export_lists_every_change_oldest_first_with_actor_and_keeps_negative_numbers()
    {
        var admin = await ApiSession.SignUpAsync(app, "History Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "History Employee");
        var employeeId = await app.AddMemberAsync(companyId, employee);
        var credit = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{employeeId}/leave-balances",
            new { type = "RTT", change = 3, reason = "=HYPERLINK(\"http://evil\")", historyType = "MANUEL_CREDIT" });
        Assert.Equal(HttpStatusCode.OK, credit.StatusCode);
        var monday = TestDates.FebruaryMondayNextYear();
        await employee.CreateLeaveAsync(companyId, employeeId, "RTT", monday, monday.AddDays(1));
        var other = await ApiSession.SignUpAsync(app);
        await other.CreateCompanyAsync(); // another company's history never shows

        var response = await admin.Http.GetAsync($"/api/companies/{companyId}/history.csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Matches(@"^leave-balance-history-\d{4}-\d{2}-\d{2}\.csv$", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var rows = await CsvAnswer.ReadAsync(response, ',', "date", "memberName", "email", "type", "change", "historyType", "reason", "actor");
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", r[0]));
        Assert.Equal(rows.Select(r => r[0]).Order(StringComparer.Ordinal), rows.Select(r => r[0]));

        // The creator's initial credit comes from no one: a system change.
        Assert.Equal(["History Admin", admin.Email, "PAID", "AUTO_CREDIT", "(system)"], [rows[0][1], rows[0][2], rows[0][3], rows[0][5], rows[0][7]]);
        Assert.Equal(["History Employee", employee.Email, "RTT", "3", "MANUEL_CREDIT", "'=HYPERLINK(\"http://evil\")", "History Admin"], rows[1][1..]);
        Assert.Equal(["History Employee", employee.Email, "RTT", "-2", "LEAVE_DEDUCTION", "History Employee"],
            [rows[2][1], rows[2][2], rows[2][3], rows[2][4], rows[2][5], rows[2][7]]);
        Assert.Equal(-2m, decimal.Parse(rows[2][4], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Exports_need_a_session_and_a_manager_of_that_company()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app);
        await app.AddMemberAsync(companyId, employee);
        var outsider = await ApiSession.SignUpAsync(app);
        await outsider.CreateCompanyAsync();

        foreach (var file in new[] { "leave-balances.csv", "history.csv", "payroll.csv?month=2027-04", "payroll?month=2027-04" })
        {
            var url = $"/api/companies/{companyId}/{file}";
            Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await employee.Http.GetAsync(url)).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.GetAsync(url)).StatusCode);
        }
    }
}
