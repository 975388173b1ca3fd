using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Aspire.Hosting.Testing;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Web's side of issue 13's privacy and separation of duties, through plain HTTP: the calendar and the dashboard
/// show a colleague's sick leave as an absence (in French and English), the settings page chooses the private types,
/// and the member and approval pages offer nothing the Api would refuse.
/// </summary>
public sealed partial class PrivacyWebTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    private static Task<SickLeaveScene>? _scene;

    private Task<SickLeaveScene> SceneAsync() => _scene ??= SickLeaveScene.CreateAsync(app);

    [Theory]
    [MemberData(nameof(SickLeaveScene.ViewersAndLanguages), MemberType = typeof(SickLeaveScene))]
    public async Task The_calendar_and_the_dashboard_show_a_colleague_s_sick_leave_as_an_absence(string viewer, string language)
    {
        var scene = await SceneAsync();
        var session = scene.Viewer(viewer);
        await SickLeaveScene.SetLanguageAsync(session, language);
        using var web = await SignedInAsync(session, language);
        var sick = SickLeaveScene.SickLabel(viewer, language);
        var training = SickLeaveScene.TrainingLabel(language);

        var dashboard = await PageAsync(web, $"/companies/{scene.CompanyId}");
        var calendar = await PageAsync(web, $"/companies/{scene.CompanyId}/calendar?month={scene.Monday:yyyy-MM}");

        foreach (var html in new[] { dashboard, calendar })
        {
            // "Who is off this week" and "Absences this month": the member's name, then what the leave is.
            Assert.Equal([sick], ListedTypes(html, SickLeaveScene.SamName));
            Assert.Equal([training], ListedTypes(html, "Manager User"));
            Assert.DoesNotContain(SickLeaveScene.Reason, html);
            if (viewer == "colleague")
            {
                foreach (var secret in new[] { "Sick leave", "Arrêt maladie", "SICK" }) Assert.DoesNotContain(secret, html);
            }
        }
        // Each day of the leave in the month's grid says the same.
        Assert.Contains($"title=\"{sick}, ", calendar);
    }

    [Fact]
    public async Task The_settings_page_chooses_the_private_leave_types()
    {
        var team = await CreateTeamAsync(app);
        // A type of the company's own is listed too: saving the page must not clear its flag (issue 17).
        Assert.Equal(HttpStatusCode.Created, (await team.Admin.Http.PostAsJsonAsync(team.Url("/leave-types"),
            new { code = "THERAPY", nameFr = "Thérapie", nameEn = "Therapy", colour = "#336699", unit = "DAY", sensitive = true })).StatusCode);
        await SickLeaveScene.SetLanguageAsync(team.Admin, "en");
        using var web = await SignedInAsync(team.Admin, "en");
        var path = $"/companies/{team.CompanyId}/settings";
        var page = await PageAsync(web, path);
        Assert.Contains("Private leave types", page);
        Assert.Equal(["SICK", "CHILD_SICK", "MATERNITY", "PATERNITY", "PARENTAL", "BEREAVEMENT", "THERAPY"], Checked(page));
        var company = await team.Admin.GetJsonAsync($"/api/companies/{team.CompanyId}");

        var saved = await WebForms.PostFormAsync(web, path, "company-settings", new()
        {
            ["Input.Name"] = company.GetProperty("name").GetString()!,
            ["Input.AnnualLeaveDays"] = "25",
            ["Input.TimeZone"] = "Europe/Paris",
            ["Input.HolidayCountry"] = "FR",
            ["Input.CarryOverMaxDays"] = "5",
            ["Input.CarryOverExpiresOn"] = "03-31",
            ["Input.EscalateAfterWorkingDays"] = "0",
            ["Input.Monday"] = "true", ["Input.Tuesday"] = "true", ["Input.Wednesday"] = "true", ["Input.Thursday"] = "true", ["Input.Friday"] = "true",
            ["Input.Sensitive[SICK]"] = "true",
            ["Input.Sensitive[TRAINING]"] = "true",
            ["Input.Sensitive[THERAPY]"] = "true",
        });

        var html = WebUtility.HtmlDecode(await saved.Content.ReadAsStringAsync());
        Assert.Contains("The settings are saved.", html);
        Assert.Equal(["SICK", "TRAINING", "THERAPY"], Checked(html));
        var types = (await team.Admin.GetJsonAsync($"/api/companies/{team.CompanyId}")).GetProperty("sensitiveLeaveTypes");
        Assert.Equal(["SICK", "TRAINING", "THERAPY"], types.EnumerateArray().Select(t => t.GetString()));
    }

    [Fact]
    public async Task The_member_page_offers_an_adjustment_only_where_the_api_allows_one()
    {
        var team = await CreateTeamAsync(app);
        var otherAdminId = await team.Admin.AddMemberAsync(team.CompanyId, await ApiSession.SignUpAsync(app, "Other Admin"), "ADMIN");
        var leaverId = await team.Admin.AddMemberAsync(team.CompanyId, await ApiSession.SignUpAsync(app, "Lee Leaver"));
        Assert.Equal(HttpStatusCode.NoContent, (await team.Manager.Http.DeleteAsync(team.Url($"/memberships/{leaverId}"))).StatusCode);
        await SickLeaveScene.SetLanguageAsync(team.Manager, "en");
        await SickLeaveScene.SetLanguageAsync(team.Admin, "en");
        using var manager = await SignedInAsync(team.Manager, "en");
        using var admin = await SignedInAsync(team.Admin, "en");
        string Member(string membershipId) => $"/companies/{team.CompanyId}/team/{membershipId}";
        const string Form = "Apply the adjustment";

        Assert.Contains(Form, await PageAsync(manager, Member(team.EmployeeMembershipId)));
        Assert.Contains("Your own balances are adjusted by another admin.", await PageAsync(manager, Member(team.ManagerMembershipId)));
        Assert.Contains("Only an admin can adjust a manager's or an admin's balance.", await PageAsync(manager, Member(team.AdminMembershipId)));
        Assert.Contains("This member is deactivated: their balances can no longer be adjusted.", await PageAsync(manager, Member(leaverId)));
        foreach (var refused in new[] { team.ManagerMembershipId, team.AdminMembershipId, leaverId })
        {
            Assert.DoesNotContain(Form, await PageAsync(manager, Member(refused)));
        }

        Assert.Contains(Form, await PageAsync(admin, Member(team.ManagerMembershipId)));
        Assert.Contains(Form, await PageAsync(admin, Member(otherAdminId)));
        var own = await PageAsync(admin, Member(team.AdminMembershipId));
        Assert.Contains("Your own balances are adjusted by another admin.", own);
        Assert.DoesNotContain(Form, own);
    }

    [Fact]
    public async Task The_approvals_page_offers_only_cancelling_a_deactivated_member_s_request_and_cancelling_gives_the_days_back()
    {
        var team = await CreateTeamAsync(app);
        var leaver = await ApiSession.SignUpAsync(app, "Lee Leaver");
        var leaverId = await team.Admin.AddMemberAsync(team.CompanyId, leaver);
        await team.Admin.CreditAsync(team.CompanyId, leaverId, "PAID", 5);
        var paid = await team.Admin.BalanceAsync(team.CompanyId, leaverId, "PAID");
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await leaver.CreateLeaveAsync(team.CompanyId, leaverId, "PAID", monday, monday.AddDays(1));
        Assert.Equal(HttpStatusCode.NoContent, (await team.Manager.Http.DeleteAsync(team.Url($"/memberships/{leaverId}"))).StatusCode);
        await SickLeaveScene.SetLanguageAsync(team.Manager, "en");
        using var web = await SignedInAsync(team.Manager, "en");
        var path = $"/companies/{team.CompanyId}/approvals";

        var page = await PageAsync(web, path);
        Assert.Contains("Lee Leaver is deactivated: this request can only be canceled, which gives its days back.", page);
        Assert.Contains("Cancel the request of Lee Leaver", page);
        Assert.DoesNotContain($"review-{leaveId}", page);

        var version = (await team.Manager.LeavesAsync(team.CompanyId, leaverId)).Single().GetProperty("version").GetInt32();
        var canceled = await WebForms.PostFormAsync(web, path, $"cancel-{leaveId}", new()
        {
            ["CancelLeaveId"] = leaveId,
            ["CancelMembershipId"] = leaverId,
            ["CancelVersion"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });

        Assert.Contains("The request was canceled and its days given back.", WebUtility.HtmlDecode(await canceled.Content.ReadAsStringAsync()));
        Assert.Equal("CANCELED", (await team.Manager.LeavesAsync(team.CompanyId, leaverId)).Single().GetProperty("status").GetString());
        Assert.Equal(paid, await team.Admin.BalanceAsync(team.CompanyId, leaverId, "PAID"));
    }

    /// <summary>A browser without JavaScript in <paramref name="language"/>, signed in as <paramref name="user"/> on the Web.</summary>
    private async Task<HttpClient> SignedInAsync(ApiSession user, string language)
    {
        var web = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        web.DefaultRequestHeaders.AcceptLanguage.Clear();
        web.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        var response = await WebForms.PostFormAsync(web, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.StartsWith("/companies/", response.RequestMessage!.RequestUri!.AbsolutePath);
        return web;
    }

    private static async Task<string> PageAsync(HttpClient web, string path)
    {
        var response = await web.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>What the lists of absences say a member's leaves are ("Absent", "Sick leave"…), in page order.</summary>
    private static List<string> ListedTypes(string html, string member) =>
        ListedLeave().Matches(html).Where(m => m.Groups["member"].Value == member).Select(m => m.Groups["type"].Value.Trim()).ToList();

    /// <summary>The leave types whose "private" box is checked on the settings page, in the page's order.</summary>
    private static List<string> Checked(string html) =>
        CheckedSensitiveType().Matches(html).Select(m => m.Groups["type"].Value).ToList();

    // The type's colour swatch (decorative, aria-hidden) may stand before its name.
    [GeneratedRegex("""<span class="plain-list__main">(?<member>[^<]+)</span>\s*<span>(?:<span class="swatch[^"]*" aria-hidden="true"></span>)?(?<type>[^<·]+)·""")]
    private static partial Regex ListedLeave();

    [GeneratedRegex("""<input type="checkbox" name="Input\.Sensitive\[(?<type>[A-Z_]+)\]" value="true" checked""")]
    private static partial Regex CheckedSensitiveType();
}
