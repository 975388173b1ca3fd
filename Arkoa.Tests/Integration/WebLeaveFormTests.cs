using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Arkoa.Tests.Browser;
using Aspire.Hosting.Testing;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The leave forms through plain HTTP, as a browser without JavaScript: each Api refusal lands next to its field with
/// what was typed kept, the "count the days" button works without the script, and the script's endpoint needs a session.
/// </summary>
public sealed partial class WebLeaveFormTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task A_refused_request_shows_the_error_next_to_its_field_and_keeps_what_was_typed()
    {
        var (team, employee, membershipId, web) = await MemberOnTheWebAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 2);
        var leavesPath = $"/companies/{team.CompanyId}/leaves";
        var balance = await employee.BalanceAsync(team.CompanyId, membershipId, "PAID");

        // More days than the balance: next to the dates (the count is what does not fit), not the type.
        var tooLong = await WebForms.PostFormAsync(web, leavesPath, "request-leave",
            Form("PAID", monday, monday.AddDays(60), reason: "A long trip"));
        var html = await tooLong.Content.ReadAsStringAsync();
        Assert.Matches(@"^You ask for \d+ days; \d+(\.5)? days? left\.$", FieldError(html, "leave-end"));
        Assert.Null(FieldError(html, "leave-type"));
        Assert.Contains("Not enough balance", html);
        Assert.Contains($"value=\"{monday.Iso()}\"", html);
        Assert.Contains($"value=\"{monday.AddDays(60).Iso()}\"", html);
        Assert.Contains("A long trip", html);

        // An end before the start: next to the last day.
        html = await (await WebForms.PostFormAsync(web, leavesPath, "request-leave", Form("UNPAID", monday, monday.AddDays(-1)))).Content.ReadAsStringAsync();
        Assert.Equal("The end date must be on or after the start date.", FieldError(html, "leave-end"));

        // A day already taken (the Api's 409 names no field): next to the first day.
        await employee.CreateLeaveAsync(team.CompanyId, membershipId, "UNPAID", monday, monday);
        html = await (await WebForms.PostFormAsync(web, leavesPath, "request-leave",
            Form("UNPAID", monday, monday.AddDays(1), endAtNoon: true))).Content.ReadAsStringAsync();
        var day = monday.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en"));
        Assert.Equal($"These dates overlap your Unpaid leave from {day} to {day}.", FieldError(html, "leave-start"));
        Assert.Matches("id=\"leave-end-noon\"[^>]*checked|checked[^>]*id=\"leave-end-noon\"", html);

        // A day in the past (only managers may backfill): next to the first day.
        var lastWeek = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-7);
        html = await (await WebForms.PostFormAsync(web, leavesPath, "request-leave", Form("SICK", lastWeek, lastWeek))).Content.ReadAsStringAsync();
        Assert.Equal("Only a manager can record a leave in the past.", FieldError(html, "leave-start"));

        // Nothing of that changed the balance or added a leave.
        Assert.Equal(balance, await employee.BalanceAsync(team.CompanyId, membershipId, "PAID"));
        Assert.Single(await employee.LeavesAsync(team.CompanyId, membershipId));
    }

    [Fact]
    public async Task Without_javascript_the_count_button_shows_the_working_days_and_saves_nothing()
    {
        var (team, employee, membershipId, web) = await MemberOnTheWebAsync();
        var monday = TestDates.FebruaryMondayNextYear();

        var response = await WebForms.PostFormAsync(web, $"/companies/{team.CompanyId}/leaves", "request-leave",
            Form("PAID", monday, monday.AddDays(4), endAtNoon: true, intent: "preview"));

        // Decoded: the page writes "·" as a character reference.
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var balance = await employee.BalanceAsync(team.CompanyId, membershipId, "PAID");
        Assert.Matches($@"class=""day-count__text"">4.5 working days · balance after: {(balance - 4.5m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)} days?</span>", html);
        Assert.Empty(await employee.LeavesAsync(team.CompanyId, membershipId));
    }

    [Fact]
    public async Task The_count_endpoint_answers_with_the_api_count_and_only_to_a_signed_in_member()
    {
        var (team, _, _, web) = await MemberOnTheWebAsync();
        var monday = TestDates.FebruaryMondayNextYear();
        var path = $"/companies/{team.CompanyId}/leaves/day-count";

        var count = await web.GetFromJsonAsync<JsonElement>($"{path}?startDate={monday.Iso()}&endDate={monday.AddDays(6).Iso()}&startHalf=AFTERNOON");
        Assert.Equal(4.5m, count.GetProperty("days").GetDecimal());
        Assert.Equal("4.5 working days", count.GetProperty("text").GetString());
        Assert.Equal(JsonValueKind.Null, count.GetProperty("warning").ValueKind);

        // In words, the Api's problem: the script shows why the dates make no leave.
        var backwards = await web.GetAsync($"{path}?startDate={monday.Iso()}&endDate={monday.AddDays(-1).Iso()}");
        Assert.Equal(HttpStatusCode.BadRequest, backwards.StatusCode);
        var problem = await backwards.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("endDate", out _));
        Assert.Equal("The end date must be on or after the start date.", problem.GetProperty("detail").GetString());

        var stranger = await MemberOnTheWebAsync();
        Assert.Equal(HttpStatusCode.Forbidden,
            (await stranger.Web.GetAsync($"{path}?startDate={monday.Iso()}&endDate={monday.Iso()}")).StatusCode);

        using var anonymous = WebForms.Browser(app.App.GetEndpoint("web", "http"), followRedirects: false);
        var signedOut = await anonymous.GetAsync($"{path}?startDate={monday.Iso()}&endDate={monday.Iso()}");
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
        Assert.StartsWith("/sign-in", signedOut.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task Editing_a_pending_leave_recounts_it_and_canceling_an_already_canceled_one_says_why()
    {
        var (team, employee, membershipId, web) = await MemberOnTheWebAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 3);
        var leaveId = await employee.CreateLeaveAsync(team.CompanyId, membershipId, "UNPAID", monday, monday);
        var editPath = $"/companies/{team.CompanyId}/leaves/{leaveId}/edit";

        var editPage = await web.GetStringAsync(editPath);
        Assert.Contains($"value=\"{monday.Iso()}\"", editPage);
        var saved = await WebForms.PostFormAsync(web, editPath, "edit-leave", new(Form("UNPAID", monday, monday.AddDays(2)))
        {
            ["Input.Version"] = VersionOf(editPage),
        });
        Assert.Contains($"sent={leaveId}", saved.RequestMessage!.RequestUri!.Query);
        Assert.Contains("Your changes were sent for approval.", await saved.Content.ReadAsStringAsync());
        var edited = (await employee.LeavesAsync(team.CompanyId, membershipId)).Single();
        Assert.Equal(3m, edited.GetProperty("days").GetDecimal());

        // Canceled elsewhere meanwhile: the stale cancel button gets the Api's reason, not an error page.
        var leavesPath = $"/companies/{team.CompanyId}/leaves";
        var listPage = await web.GetStringAsync(leavesPath);
        Assert.Contains($"cancel-{leaveId}", listPage);
        var canceled = await employee.Http.PostAsJsonAsync($"/api/companies/{team.CompanyId}/memberships/{membershipId}/leaves/{leaveId}/cancel", new { });
        Assert.Equal(HttpStatusCode.OK, canceled.StatusCode);
        var again = await WebForms.PostFormAsync(web, leavesPath, $"cancel-{leaveId}", new()
        {
            ["CancelLeaveId"] = leaveId,
            ["CancelVersion"] = edited.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("This leave could not be canceled.", html);
        Assert.Contains("reload it and try again", html);
    }

    [Fact]
    public async Task A_rejection_without_a_note_or_with_one_the_api_refuses_is_shown_on_the_form_keeping_the_note()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 25);
        await team.Admin.UseEnglishAsync();
        var (employee, membershipId) = await team.AddMemberAsync(app);
        var monday = TestDates.FebruaryMondayNextYear();
        var leaveId = await employee.CreateLeaveAsync(team.CompanyId, membershipId, "UNPAID", monday, monday);
        using var web = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        await SignInAsync(web, team.Admin);
        var path = $"/companies/{team.CompanyId}/approvals";
        var page = await web.GetStringAsync(path);
        var version = Regex.Match(page, "name=\"Review.Version\" value=\"(?<v>\\d+)\"").Groups["v"].Value;

        var empty = await (await WebForms.PostFormAsync(web, path, $"review-{leaveId}", Review(leaveId, version, "REJECTED", "  "))).Content.ReadAsStringAsync();
        Assert.Equal("Say why you reject this request.", FieldError(empty, $"note-{leaveId}"));

        var tooLong = new string('x', 501);
        var refused = await (await WebForms.PostFormAsync(web, path, $"review-{leaveId}", Review(leaveId, version, "REJECTED", tooLong))).Content.ReadAsStringAsync();
        Assert.NotNull(FieldError(refused, $"note-{leaveId}"));
        Assert.Contains(tooLong, refused);

        var status = (await employee.LeavesAsync(team.CompanyId, membershipId)).Single().GetProperty("status").GetString();
        Assert.Equal("PENDING", status);
    }

    [Fact]
    public async Task My_leaves_shows_the_edit_and_cancel_buttons_the_api_allows_the_caller()
    {
        var (team, employee, membershipId, web) = await MemberOnTheWebAsync();
        var (manager, managerMembershipId) = await team.AddMemberAsync(app, role: "MANAGER", name: "Max Manager");
        await manager.UseEnglishAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 11);
        var pending = await employee.CreateLeaveAsync(team.CompanyId, membershipId, "UNPAID", monday, monday);
        var approved = await employee.CreateLeaveAsync(team.CompanyId, membershipId, "UNPAID", monday.AddDays(7), monday.AddDays(7));
        var managersOwn = await manager.CreateLeaveAsync(team.CompanyId, managerMembershipId, "UNPAID", monday, monday);
        foreach (var leaveId in new[] { approved, managersOwn })
        {
            Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsJsonAsync(team.ReviewUrl(leaveId), new { status = "APPROVED" })).StatusCode);
        }
        var leavesPath = $"/companies/{team.CompanyId}/leaves";

        // The employee edits or cancels the pending request only: an approved leave is a manager's to cancel, and the
        // employee may only ask for it (issue 14 §7).
        var employeePage = await web.GetStringAsync(leavesPath);
        Assert.Contains($"/leaves/{pending}/edit", employeePage);
        Assert.Contains($"value=\"cancel-{pending}\"", employeePage);
        Assert.DoesNotContain($"/leaves/{approved}/edit", employeePage);
        Assert.DoesNotContain($"value=\"cancel-{approved}\"", employeePage);
        Assert.Contains($"value=\"ask-cancel-{approved}\"", employeePage);
        Assert.DoesNotContain($"value=\"ask-cancel-{pending}\"", employeePage);

        // A manager may cancel their own approved leave before it starts, and the page offers it.
        var managerWeb = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        await SignInAsync(managerWeb, manager);
        var managerPage = await managerWeb.GetStringAsync(leavesPath);
        Assert.Contains($"value=\"cancel-{managersOwn}\"", managerPage);
        Assert.DoesNotContain($"/leaves/{managersOwn}/edit", managerPage);
    }

    [Fact]
    public async Task The_request_form_offers_the_company_s_active_types_by_their_names_and_a_type_without_approval_is_approved_at_once()
    {
        var (team, employee, membershipId, web) = await MemberOnTheWebAsync();
        var monday = TestDates.FebruaryMondayNextYear(weeksLater: 5);
        foreach (var (code, requiresApproval) in new[] { ("TELETRAVAIL_EXC", false), ("OLD_KIND", true) })
        {
            Assert.Equal(HttpStatusCode.Created, (await team.Admin.Http.PostAsJsonAsync($"/api/companies/{team.CompanyId}/leave-types", new
            {
                code, nameFr = "Télétravail exceptionnel", nameEn = code == "OLD_KIND" ? "Old kind" : "Exceptional remote work",
                colour = "#0a7e8c", unit = "HALF_DAY", requiresApproval,
            })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.Http.PostAsync($"/api/companies/{team.CompanyId}/leave-types/OLD_KIND/archive", null)).StatusCode);
        var leavesPath = $"/companies/{team.CompanyId}/leaves";

        var form = WebUtility.HtmlDecode(await web.GetStringAsync(leavesPath));
        Assert.Contains("<option value=\"TELETRAVAIL_EXC\">Exceptional remote work</option>", form);
        Assert.Contains(">Paid leave</option>", form);
        Assert.DoesNotContain("OLD_KIND", form);

        var sent = await WebForms.PostFormAsync(web, leavesPath, "request-leave", Form("TELETRAVAIL_EXC", monday, monday));
        var html = WebUtility.HtmlDecode(await sent.Content.ReadAsStringAsync());
        Assert.Null(FieldError(html, "leave-type"));
        var leave = Assert.Single(await employee.LeavesAsync(team.CompanyId, membershipId));
        Assert.Equal(("TELETRAVAIL_EXC", "APPROVED"), (leave.GetProperty("type").GetString(), leave.GetProperty("status").GetString()));
        Assert.Contains("<td>Exceptional remote work</td>", WebUtility.HtmlDecode(await web.GetStringAsync(leavesPath)));
    }

    private async Task<(TestCompany Team, ApiSession Employee, string MembershipId, HttpClient Web)> MemberOnTheWebAsync()
    {
        var team = await TestCompany.CreateAsync(app, annualLeaveDays: 25);
        var (employee, membershipId) = await team.AddMemberAsync(app);
        await employee.UseEnglishAsync();
        var web = WebForms.Browser(app.App.GetEndpoint("web", "http"));
        await SignInAsync(web, employee);
        return (team, employee, membershipId, web);
    }

    private static async Task SignInAsync(HttpClient web, ApiSession user)
    {
        var signedIn = await WebForms.PostFormAsync(web, "/sign-in", "sign-in", new()
        {
            ["Input.Email"] = user.Email,
            ["Input.Password"] = user.Password,
        });
        Assert.DoesNotContain("/sign-in", signedIn.RequestMessage!.RequestUri!.AbsolutePath, StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string type, DateOnly start, DateOnly end, string? reason = null,
        bool endAtNoon = false, string? intent = null)
    {
        var form = new Dictionary<string, string>
        {
            ["Input.Type"] = type,
            ["Input.StartDate"] = start.Iso(),
            ["Input.EndDate"] = end.Iso(),
            ["Input.Reason"] = reason ?? "",
        };
        if (endAtNoon) form["Input.EndsAtNoon"] = "true";
        if (intent is not null) form["Input.Intent"] = intent;
        return form;
    }

    private static Dictionary<string, string> Review(string leaveId, string version, string decision, string note) => new()
    {
        ["Review.LeaveId"] = leaveId,
        ["Review.Version"] = version,
        ["Review.Decision"] = decision,
        ["Review.ManagerNote"] = note,
    };

    private static string VersionOf(string html) => Regex.Match(html, "name=\"Input.Version\" value=\"(?<v>\\d+)\"").Groups["v"].Value;

    /// <summary>The validation message rendered right after the input with id <paramref name="inputId"/>'s field, if any.</summary>
    private static string? FieldError(string html, string inputId)
    {
        var match = Regex.Match(html, $"id=\"{Regex.Escape(inputId)}\"(?:(?!class=\"field).)*?<div class=\"validation-message\">(?<message>[^<]*)</div>",
            RegexOptions.Singleline);
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups["message"].Value) : null;
    }
}
