using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Health stays private (issue 13): a leave of a sensitive type shows as an absence, with no type, reason or note, to
/// anyone but the person and the managers — in the calendar's JSON, the iCal feed (in the subscriber's language), the
/// exports and every other answer an employee can read; the company's setting chooses the types; the cached views never
/// hand one audience's answer to another. (The Web pages: PrivacyWebTests.)
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class SensitiveLeaveTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static Task<SickLeaveScene>? _scene;

    private Task<SickLeaveScene> SceneAsync() => _scene ??= SickLeaveScene.CreateAsync(app);

    [Theory]
    [InlineData("colleague", null)]
    [InlineData("manager", "SICK")]
    [InlineData("person", "SICK")]
    public async Task The_calendar_json_shows_a_colleague_s_sick_leave_as_an_absence_without_its_type(string viewer, string? type)
    {
        var scene = await SceneAsync();
        var session = scene.Viewer(viewer);

        foreach (var query in new[] { $"year={scene.Monday.Year}&month={scene.Monday.Month}", $"year={scene.Monday.Year}" })
        {
            var calendar = await session.GetJsonAsync($"/api/companies/{scene.CompanyId}/calendar?{query}");
            var leaves = calendar.GetProperty("leaves").EnumerateArray().ToList();
            var sick = Assert.Single(leaves, l => l.GetProperty("id").GetString() == scene.SickLeaveId);
            Assert.Equal(SickLeaveScene.SamName, sick.GetProperty("memberName").GetString());
            Assert.Equal(type, sick.GetProperty("type").GetString());
            Assert.Equal(scene.Monday.Iso(), sick.GetProperty("startDate").GetString());
            Assert.Equal("APPROVED", sick.GetProperty("status").GetString());
            // A type that is not sensitive stays visible to everyone.
            Assert.Equal("TRAINING", Assert.Single(leaves, l => l.GetProperty("id").GetString() == scene.TrainingLeaveId).GetProperty("type").GetString());
            Assert.DoesNotContain(SickLeaveScene.Reason, calendar.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(SickLeaveScene.ViewersAndLanguages), MemberType = typeof(SickLeaveScene))]
    public async Task The_ical_feed_speaks_the_subscriber_s_language_and_shows_a_colleague_s_sick_leave_as_absent(string viewer, string language)
    {
        var scene = await SceneAsync();
        var session = scene.Viewer(viewer);
        await SickLeaveScene.SetLanguageAsync(session, language);
        var link = await session.GetJsonAsync($"/api/users/me/calendar-link?companyId={scene.CompanyId}");

        // Anonymous, like a calendar app: the token in the address says who subscribes.
        var feed = Ical.Net.Calendar.Load(await app.Api().GetStringAsync(link.GetProperty("path").GetString()));

        Assert.NotNull(feed);
        var sick = Assert.Single(feed.Events, e => e.Uid == $"{scene.SickLeaveId}@arkoa");
        var label = SickLeaveScene.SickLabel(viewer, language);
        Assert.Equal($"{SickLeaveScene.SamName} – {label}", sick.Summary);
        Assert.StartsWith($"{SickLeaveScene.SamName}{(language == "en" ? ":" : "\u00a0:")} {label}, ", sick.Description);
        Assert.Contains(language == "en" ? "(5 days)" : "(5 jours)", sick.Description);
        var training = Assert.Single(feed.Events, e => e.Uid == $"{scene.TrainingLeaveId}@arkoa");
        Assert.Equal($"Manager User – {SickLeaveScene.TrainingLabel(language)}", training.Summary);
        var text = string.Join("\n", feed.Events.SelectMany(e => new[] { e.Summary, e.Description }));
        Assert.DoesNotContain(SickLeaveScene.Reason, text);
        if (viewer == "colleague")
        {
            foreach (var secret in new[] { "SICK", "Sick leave", "Arrêt maladie" }) Assert.DoesNotContain(secret, text);
        }
    }

    [Fact]
    public async Task No_answer_an_employee_can_read_tells_a_colleague_s_sick_leave_apart()
    {
        var scene = await SceneAsync();
        var colleague = scene.Team.Employee;
        var company = $"/api/companies/{scene.CompanyId}";
        var sam = $"{company}/memberships/{scene.SamId}";

        // Everything about the company an employee may read: the leave is at most an absence in it.
        foreach (var url in new[]
        {
            company, $"{company}/memberships", $"{company}/calendar?year={scene.Monday.Year}",
            $"{company}/memberships/{scene.Team.EmployeeMembershipId}/leaves", "/api/users/me/export",
        })
        {
            var response = await colleague.Http.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain(SickLeaveScene.Reason, body);
            if (!url.Contains("/calendar", StringComparison.Ordinal)) Assert.DoesNotContain(scene.SickLeaveId, body);
        }
        // Sam's own data, the managers' lists and the exports are refused.
        foreach (var url in new[]
        {
            sam, $"{sam}/leaves", $"{sam}/leave-balances", $"{sam}/leave-balance-history", $"{company}/leaves",
            $"{company}/leaves?status=APPROVED", $"{company}/leaves/stats", $"{company}/stats",
            $"{company}/leave-balances.csv", $"{company}/history.csv",
        })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await colleague.Http.GetAsync(url)).StatusCode);
        }
    }

    [Fact]
    public async Task The_person_s_own_export_and_the_managers_lists_keep_the_type_and_the_reason()
    {
        var scene = await SceneAsync();

        var export = await scene.Sam.GetJsonAsync("/api/users/me/export");
        var own = Assert.Single(export.GetProperty("leaves").EnumerateArray(), l => l.GetProperty("id").GetString() == scene.SickLeaveId);
        Assert.Equal("SICK", own.GetProperty("type").GetString());
        Assert.Equal(SickLeaveScene.Reason, own.GetProperty("reason").GetString());

        var list = await scene.Team.Manager.GetJsonAsync($"/api/companies/{scene.CompanyId}/leaves?status=APPROVED");
        var seen = Assert.Single(list.GetProperty("items").EnumerateArray(), l => l.GetProperty("id").GetString() == scene.SickLeaveId);
        Assert.Equal("SICK", seen.GetProperty("type").GetString());
        Assert.Equal(SickLeaveScene.Reason, seen.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Each_audience_gets_its_own_cached_calendar_whoever_asks_first_and_in_gzip_too()
    {
        var team = await CreateTeamAsync(app);
        var sam = await ApiSession.SignUpAsync(app, "Sam Cached");
        var samId = await team.Admin.AddMemberAsync(team.CompanyId, sam);
        var march = new DateOnly(DateTime.UtcNow.Year + 1, 3, 1);
        var april = march.AddMonths(1);
        var inMarch = await sam.CreateLeaveAsync(team.CompanyId, samId, "SICK", march.AddDays(14), march.AddDays(16));
        var inApril = await sam.CreateLeaveAsync(team.CompanyId, samId, "MATERNITY", april.AddDays(14), april.AddDays(16));
        string Month(DateOnly month) => $"/api/companies/{team.CompanyId}/calendar?year={month.Year}&month={month.Month}";

        // March: the colleague asks first, then the manager, then Sam; April the other way round.
        Assert.Null(await TypeAsync(team.Employee, Month(march), inMarch));
        Assert.Equal("SICK", await TypeAsync(team.Manager, Month(march), inMarch));
        Assert.Equal("SICK", await TypeAsync(sam, Month(march), inMarch));
        Assert.Null(await TypeAsync(team.Employee, Month(march), inMarch, gzip: true));
        Assert.Equal("MATERNITY", await TypeAsync(sam, Month(april), inApril, gzip: true));
        Assert.Equal("MATERNITY", await TypeAsync(team.Admin, Month(april), inApril));
        Assert.Null(await TypeAsync(team.Employee, Month(april), inApril, gzip: true));
        Assert.Null(await TypeAsync(team.Employee, Month(april), inApril));

        // The setting is part of the company's data: the cached views follow it at once.
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync($"/api/companies/{team.CompanyId}", new { sensitiveLeaveTypes = new[] { "MATERNITY" } })).StatusCode);
        Assert.Equal("SICK", await TypeAsync(team.Employee, Month(march), inMarch));
        Assert.Null(await TypeAsync(team.Employee, Month(april), inApril));
    }

    [Fact]
    public async Task An_admin_chooses_the_sensitive_types_a_manager_cannot_and_a_bad_type_is_a_400()
    {
        var team = await CreateTeamAsync(app);
        var url = $"/api/companies/{team.CompanyId}";
        Assert.Equal(["SICK", "MATERNITY", "PATERNITY", "PARENTAL", "BEREAVEMENT", "CHILD_SICK"], Types(await team.Employee.GetJsonAsync(url)));

        var saved = await team.Admin.PatchAsync(url, new { sensitiveLeaveTypes = new[] { "TRAINING", "SICK", "TRAINING" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal(["SICK", "TRAINING"], Types(await saved.Content.ReadFromJsonAsync<JsonElement>()));

        Assert.Equal(HttpStatusCode.Forbidden, (await team.Manager.PatchAsync(url, new { sensitiveLeaveTypes = Array.Empty<string>() })).StatusCode);
        var bad = await team.Admin.PatchAsync(url, new { sensitiveLeaveTypes = new[] { "SICK", "HANGOVER" } });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name);
        Assert.Contains(errors, name => name.StartsWith("sensitiveLeaveTypes", StringComparison.Ordinal));
        // Other settings keep them; an empty list keeps none private.
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(url, new { annualLeaveDays = 20 })).StatusCode);
        Assert.Equal(["SICK", "TRAINING"], Types(await team.Admin.GetJsonAsync(url)));
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(url, new { sensitiveLeaveTypes = Array.Empty<string>() })).StatusCode);
        Assert.Empty(Types(await team.Admin.GetJsonAsync(url)));
    }

    private static List<string> Types(JsonElement company) =>
        company.GetProperty("sensitiveLeaveTypes").EnumerateArray().Select(t => t.GetString()!).ToList();

    /// <summary>The type the calendar shows <paramref name="session"/> for one leave (null: an absence), plain or gzipped.</summary>
    private static async Task<string?> TypeAsync(ApiSession session, string url, string leaveId, bool gzip = false)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (gzip) request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("gzip"));
        using var response = await session.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("private", response.Headers.CacheControl?.ToString());
        Stream body = await response.Content.ReadAsStreamAsync();
        if (gzip)
        {
            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
            body = new GZipStream(body, CompressionMode.Decompress);
        }
        await using (body)
        {
            var calendar = await JsonSerializer.DeserializeAsync<JsonElement>(body);
            return Assert.Single(calendar.GetProperty("leaves").EnumerateArray(), l => l.GetProperty("id").GetString() == leaveId)
                .GetProperty("type").GetString();
        }
    }
}
