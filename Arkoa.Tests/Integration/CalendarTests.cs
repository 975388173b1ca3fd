using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Ical.Net.CalendarComponents;

namespace Arkoa.Tests.Integration;

/// <summary>The team calendar (JSON), the iCal feed and its per-user secret link.</summary>
[Trait("Category", InProcessApi.Category)]
public sealed class CalendarTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    [Fact]
    public async Task A_month_shows_the_pending_and_approved_leaves_that_touch_it_with_member_names()
    {
        var admin = await ApiSession.SignUpAsync(app, "Ariane Admin");
        var (companyId, adminId) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "Bruno Employee");
        var employeeId = await app.AddMemberAsync(companyId, employee);
        var w = TestDates.FebruaryMondayNextYear();
        var february1 = new DateOnly(w.Year, 2, 1);

        var acrossMonths = await admin.CreateLeaveAsync(companyId, adminId, "UNPAID", february1.AddDays(-4), february1);
        var pending = await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w, w.AddDays(2));
        var approvedHalf = await admin.CreateLeaveAsync(companyId, adminId, "TRAINING", w.AddDays(10), w.AddDays(10), startHalf: "AFTERNOON");
        await app.SetLeaveStatusAsync(approvedHalf, "APPROVED");
        await app.SetLeaveStatusAsync(await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w.AddDays(14), w.AddDays(14)), "REJECTED");
        await app.SetLeaveStatusAsync(await admin.CreateLeaveAsync(companyId, adminId, "SICK", w.AddDays(15), w.AddDays(15)), "CANCELED");
        var march = await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w.AddDays(35), w.AddDays(35));

        // Any member may look, an employee included.
        var month = await employee.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/calendar?year={w.Year}&month=2");

        Assert.Equal(w.Year, month.GetProperty("year").GetInt32());
        Assert.Equal(2, month.GetProperty("month").GetInt32());
        Assert.Equal(february1.Iso(), month.GetProperty("from").GetString());
        Assert.Equal(new DateOnly(w.Year, 3, 1).AddDays(-1).Iso(), month.GetProperty("to").GetString());
        var leaves = month.GetProperty("leaves").EnumerateArray().ToList();
        Assert.Equal([acrossMonths, pending, approvedHalf], leaves.Select(l => l.GetProperty("id").GetString()).ToList());
        Assert.Equal(["Ariane Admin", "Bruno Employee", "Ariane Admin"], leaves.Select(l => l.GetProperty("memberName").GetString()).ToList());
        Assert.Equal(["PENDING", "PENDING", "APPROVED"], leaves.Select(l => l.GetProperty("status").GetString()).ToList());
        var half = leaves[2];
        Assert.Equal("TRAINING", half.GetProperty("type").GetString());
        Assert.Equal(adminId, half.GetProperty("membershipId").GetString());
        Assert.Equal(w.AddDays(10).Iso(), half.GetProperty("startDate").GetString());
        Assert.Equal(w.AddDays(10).Iso(), half.GetProperty("endDate").GetString());
        Assert.Equal("AFTERNOON", half.GetProperty("startHalf").GetString());
        Assert.Equal(JsonValueKind.Null, half.GetProperty("endHalf").ValueKind);
        Assert.Equal(0.5m, half.GetProperty("days").GetDecimal());
        Assert.Empty(month.GetProperty("holidays").EnumerateArray()); // France has no holiday in February

        var year = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/calendar?year={w.Year}");
        Assert.Equal(JsonValueKind.Null, year.GetProperty("month").ValueKind);
        Assert.Equal(new DateOnly(w.Year, 12, 31).Iso(), year.GetProperty("to").GetString());
        Assert.Equal([acrossMonths, pending, approvedHalf, march],
            year.GetProperty("leaves").EnumerateArray().Select(l => l.GetProperty("id").GetString()).ToList());
    }

    [Fact]
    public async Task The_calendar_names_public_holidays_such_as_easter_monday_and_14_july_and_the_company_s_own()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        await app.AddCompanyHolidayAsync(companyId, new DateOnly(2026, 4, 20), "Company day");

        var april = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/calendar?year=2026&month=4");
        Assert.Equal(
            [("2026-04-06", "Lundi de Pâques", "public"), ("2026-04-20", "Company day", "company")],
            Holidays(april));

        var july = await admin.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/calendar?year=2026&month=7");
        Assert.Equal([("2026-07-14", "Fête nationale", "public")], Holidays(july));

        var year = Holidays(await admin.Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/calendar?year=2026"));
        Assert.Equal(12, year.Count);
        Assert.Equal(11, year.Count(h => h.Kind == "public"));
        Assert.Equal(("2026-01-01", "Jour de l'an", "public"), year[0]);
        Assert.Equal(("2026-12-25", "Noël", "public"), year[^1]);
        Assert.Contains(("2026-05-14", "Ascension", "public"), year);
    }

    [Theory]
    [InlineData("gzip, deflate, br", true)]
    [InlineData("br;q=1.0, gzip;q=0.8", true)]
    [InlineData("*", true)]
    [InlineData("gzip;q=0, *", false)]
    [InlineData("identity", false)]
    [InlineData("", false)]
    public async Task A_client_that_accepts_gzip_gets_the_same_calendar_gzipped(string acceptEncoding, bool gzipped)
    {
        var admin = await ApiSession.SignUpAsync(app, "Ariane Admin");
        var (companyId, adminId) = await admin.CreateCompanyAsync();
        var w = TestDates.FebruaryMondayNextYear();
        var leave = await admin.CreateLeaveAsync(companyId, adminId, "SICK", w, w.AddDays(2));
        var path = $"/api/companies/{companyId}/calendar?year={w.Year}&month=2";
        var plain = await admin.Http.GetByteArrayAsync(path);

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptEncoding.Length > 0) request.Headers.TryAddWithoutValidation("Accept-Encoding", acceptEncoding);
        using var response = await admin.Http.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (gzipped)
        {
            Assert.Equal(["gzip"], response.Content.Headers.ContentEncoding);
            using var unzipped = new MemoryStream();
            await using (var gzip = new GZipStream(new MemoryStream(body), CompressionMode.Decompress)) await gzip.CopyToAsync(unzipped);
            body = unzipped.ToArray();
        }
        else
        {
            Assert.Empty(response.Content.Headers.ContentEncoding);
        }
        Assert.Equal(plain, body);
        Assert.Equal(leave, JsonDocument.Parse(body).RootElement.GetProperty("leaves")[0].GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("", "year")]
    [InlineData("month=3", "year")]
    [InlineData("year=abc", "year")]
    [InlineData("year=1999", "year")]
    [InlineData("year=2101", "year")]
    [InlineData("year=2027&month=0", "month")]
    [InlineData("year=2027&month=13", "month")]
    [InlineData("year=2027&month=march", "month")]
    public async Task A_bad_period_is_400_naming_the_field(string query, string field)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();

        await (await admin.Http.GetAsync($"/api/companies/{companyId}/calendar?{query}")).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task The_calendar_needs_a_session_and_membership_of_that_company()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var outsider = await ApiSession.SignUpAsync(app);
        await outsider.CreateCompanyAsync();
        var url = $"/api/companies/{companyId}/calendar?year=2027";

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync(url)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.GetAsync(url)).StatusCode);
        var deactivated = await ApiSession.SignUpAsync(app);
        await app.DeactivateAsync(await app.AddMemberAsync(companyId, deactivated));
        Assert.Equal(HttpStatusCode.Forbidden, (await deactivated.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_ical_feed_holds_exactly_the_company_s_approved_leaves_as_all_day_events()
    {
        var admin = await ApiSession.SignUpAsync(app, "Ariane Admin");
        var (companyId, adminId) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app, "Bruno Employee");
        var employeeId = await app.AddMemberAsync(companyId, employee);
        var w = TestDates.FebruaryMondayNextYear();

        var week = await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w, w.AddDays(4));
        var halves = await admin.CreateLeaveAsync(companyId, adminId, "UNPAID", w.AddDays(7), w.AddDays(9), startHalf: "AFTERNOON", endHalf: "MORNING");
        var morning = await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w.AddDays(14), w.AddDays(14), endHalf: "MORNING");
        foreach (var id in new[] { week, halves, morning }) await app.SetLeaveStatusAsync(id, "APPROVED");
        await employee.CreateLeaveAsync(companyId, employeeId, "SICK", w.AddDays(21), w.AddDays(21));
        await app.SetLeaveStatusAsync(await admin.CreateLeaveAsync(companyId, adminId, "SICK", w.AddDays(22), w.AddDays(22)), "REJECTED");
        await app.SetLeaveStatusAsync(await admin.CreateLeaveAsync(companyId, adminId, "SICK", w.AddDays(23), w.AddDays(23)), "CANCELED");
        var other = await ApiSession.SignUpAsync(app);
        var (otherCompanyId, otherMembershipId) = await other.CreateCompanyAsync();
        await app.SetLeaveStatusAsync(await other.CreateLeaveAsync(otherCompanyId, otherMembershipId, "SICK", w, w), "APPROVED");

        // An employee subscribes too: the feed is the team's calendar, in the subscriber's language (PrivacyTests: French,
        // and what a colleague's sensitive leave looks like).
        Assert.Equal(HttpStatusCode.OK, (await employee.PatchAsync("/api/users/me", new { language = "en" })).StatusCode);
        var path = await LinkAsync(employee, companyId);
        var response = await app.Api().GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        var calendar = Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync());
        Assert.NotNull(calendar);
        var events = calendar.Events.OrderBy(e => e.DtStart!.Date).ToList();
        Assert.Equal([$"{week}@arkoa", $"{halves}@arkoa", $"{morning}@arkoa"], events.Select(e => e.Uid).ToList());
        Assert.All(events, e => Assert.True(e.IsAllDay));
        AssertDays(events[0], w, w.AddDays(4));
        AssertDays(events[1], w.AddDays(7), w.AddDays(9));
        AssertDays(events[2], w.AddDays(14), w.AddDays(14));
        Assert.Equal("Bruno Employee – Sick leave", events[0].Summary);
        Assert.Equal("Ariane Admin – Unpaid leave (from the afternoon, until the morning)", events[1].Summary);
        Assert.Equal("Bruno Employee – Sick leave (morning)", events[2].Summary);
        Assert.Contains("2 days", events[1].Description);

        // The same secret again: a calendar app's subscription stays valid.
        Assert.Equal(path, await LinkAsync(employee, companyId));
    }

    [Fact]
    public async Task Rotating_the_link_kills_the_old_address()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var old = await LinkAsync(admin, companyId);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync(old)).StatusCode);

        var rotate = await admin.Http.PostAsync($"/api/users/me/calendar-link/rotate?companyId={companyId}", null);
        Assert.Equal(HttpStatusCode.OK, rotate.StatusCode);
        var fresh = (await rotate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("path").GetString()!;

        Assert.NotEqual(old, fresh);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync(old)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync(fresh)).StatusCode);
        Assert.Equal(fresh, await LinkAsync(admin, companyId));
    }

    [Fact]
    public async Task The_feed_answers_404_to_a_wrong_token_and_to_anyone_no_longer_an_active_member()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var employee = await ApiSession.SignUpAsync(app);
        var employeeId = await app.AddMemberAsync(companyId, employee);
        var employeePath = await LinkAsync(employee, companyId);
        var outsider = await ApiSession.SignUpAsync(app);
        var (outsiderCompanyId, _) = await outsider.CreateCompanyAsync();
        var outsiderPath = await LinkAsync(outsider, outsiderCompanyId);
        var feed = $"/api/companies/{companyId}/calendar.ics";

        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync(feed)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"{feed}?token=wrong")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync($"{feed}?token={new string('x', 500)}")).StatusCode);
        // A real token, but for a company its owner is not a member of.
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync(outsiderPath.Replace(outsiderCompanyId, companyId))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await app.Api().GetAsync(employeePath)).StatusCode);
        await app.DeactivateAsync(employeeId);
        Assert.Equal(HttpStatusCode.NotFound, (await app.Api().GetAsync(employeePath)).StatusCode);
    }

    [Theory]
    [InlineData("", "companyId")]
    [InlineData("?companyId=nope", "companyId")]
    public async Task The_link_needs_a_company_id(string query, string field)
    {
        var user = await ApiSession.SignUpAsync(app);

        await (await user.Http.GetAsync($"/api/users/me/calendar-link{query}")).AssertFieldErrorAsync(field);
        await (await user.Http.PostAsync($"/api/users/me/calendar-link/rotate{query}", null)).AssertFieldErrorAsync(field);
    }

    [Fact]
    public async Task The_link_needs_a_session_and_membership_of_that_company()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var outsider = await ApiSession.SignUpAsync(app);

        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync($"/api/users/me/calendar-link?companyId={companyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().PostAsync($"/api/users/me/calendar-link/rotate?companyId={companyId}", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.GetAsync($"/api/users/me/calendar-link?companyId={companyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await outsider.Http.PostAsync($"/api/users/me/calendar-link/rotate?companyId={companyId}", null)).StatusCode);
    }

    private static async Task<string> LinkAsync(ApiSession session, string companyId)
    {
        var link = await session.Http.GetFromJsonAsync<JsonElement>($"/api/users/me/calendar-link?companyId={companyId}");
        var path = link.GetProperty("path").GetString()!;
        Assert.StartsWith($"/api/companies/{companyId}/calendar.ics?token=", path);
        return path;
    }

    /// <summary>An all-day event ends the day after its last day (RFC 5545).</summary>
    private static void AssertDays(CalendarEvent e, DateOnly first, DateOnly last)
    {
        Assert.Equal(first, e.DtStart!.Date);
        Assert.Equal(last.AddDays(1), e.DtEnd!.Date);
    }

    private static List<(string Date, string Name, string Kind)> Holidays(JsonElement calendar) =>
        calendar.GetProperty("holidays").EnumerateArray()
            .Select(h => (h.GetProperty("date").GetString()!, h.GetProperty("name").GetString()!, h.GetProperty("kind").GetString()!))
            .ToList();
}
