using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using SkiaSharp;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>Companies: settings (admin), deletion with cascade, company holidays and the logo.</summary>
[Trait("Category", InProcessApi.Category)]
public sealed class CompanyTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private const string Svg = """<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10" fill="#0a0"/></svg>""";

    [Fact]
    public async Task An_admin_changes_every_setting_and_reads_them_back()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var name = $"Renamed {Guid.NewGuid():N}";

        var response = await admin.PatchAsync($"/api/companies/{companyId}", new
        {
            name = $"  {name} ",
            logoUrl = "https://example.test/logo.png",
            annualLeaveDays = 30,
            timeZone = "America/New_York",
            holidayCountry = "fr",
            carryOverMaxDays = 7.5m,
            carryOverExpiresOn = "04-30",
            workingDays = new[] { "FRIDAY", "MONDAY", "MONDAY", "WEDNESDAY" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var company = await admin.GetJsonAsync($"/api/companies/{companyId}");
        Assert.Equal(name, company.GetProperty("name").GetString());
        Assert.Equal("https://example.test/logo.png", company.GetProperty("logoUrl").GetString());
        Assert.Equal(30, company.GetProperty("annualLeaveDays").GetInt32());
        Assert.Equal("America/New_York", company.GetProperty("timeZone").GetString());
        Assert.Equal("FR", company.GetProperty("holidayCountry").GetString());
        Assert.Equal(7.5m, company.GetProperty("carryOverMaxDays").GetDecimal());
        Assert.Equal("04-30", company.GetProperty("carryOverExpiresOn").GetString());
        Assert.Equal(["MONDAY", "WEDNESDAY", "FRIDAY"], company.GetProperty("workingDays").EnumerateArray().Select(d => d.GetString()));
        var answered = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(name, answered.GetProperty("name").GetString());
        Assert.Equal(7.5m, answered.GetProperty("carryOverMaxDays").GetDecimal());
        Assert.Equal(company.GetProperty("workingDays").ToString(), answered.GetProperty("workingDays").ToString());

        // Absent fields keep their value; an empty logoUrl removes it.
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync($"/api/companies/{companyId}", new { logoUrl = "" })).StatusCode);
        var after = await admin.GetJsonAsync($"/api/companies/{companyId}");
        Assert.Equal(JsonValueKind.Null, after.GetProperty("logoUrl").ValueKind);
        Assert.Equal(name, after.GetProperty("name").GetString());
        Assert.Equal(30, after.GetProperty("annualLeaveDays").GetInt32());
    }

    [Fact]
    public async Task Working_days_decide_what_a_leave_counts()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await admin.CreateCompanyAsync();
        await admin.PatchAsync($"/api/companies/{companyId}", new { workingDays = new[] { "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY" } });
        var monday = TestDates.FebruaryMondayNextYear();

        var leave = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leaves",
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.AddDays(6).Iso() });

        Assert.Equal(HttpStatusCode.Created, leave.StatusCode);
        Assert.Equal(4m, (await leave.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetDecimal());
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"name":"   "}""", "name")]
    [InlineData("""{"name":"NAME101"}""", "name")]
    [InlineData("""{"logoUrl":"javascript:alert(1)"}""", "logoUrl")]
    [InlineData("""{"annualLeaveDays":51}""", "annualLeaveDays")]
    [InlineData("""{"annualLeaveDays":-1}""", "annualLeaveDays")]
    [InlineData("""{"annualLeaveDays":"many"}""", "annualLeaveDays")]
    [InlineData("""{"timeZone":"Mars/Olympus_Mons"}""", "timeZone")]
    [InlineData("""{"timeZone":"../../../etc/passwd"}""", "timeZone")]
    [InlineData("""{"timeZone":""}""", "timeZone")]
    [InlineData("""{"holidayCountry":"DE"}""", "holidayCountry")]
    [InlineData("""{"holidayCountry":"FRA"}""", "holidayCountry")]
    [InlineData("""{"carryOverMaxDays":-1}""", "carryOverMaxDays")]
    [InlineData("""{"carryOverMaxDays":367}""", "carryOverMaxDays")]
    [InlineData("""{"carryOverMaxDays":2.25}""", "carryOverMaxDays")]
    [InlineData("""{"carryOverExpiresOn":"02-30"}""", "carryOverExpiresOn")]
    [InlineData("""{"carryOverExpiresOn":"02-29"}""", "carryOverExpiresOn")]
    [InlineData("""{"carryOverExpiresOn":"13-01"}""", "carryOverExpiresOn")]
    [InlineData("""{"carryOverExpiresOn":"3-31"}""", "carryOverExpiresOn")]
    [InlineData("""{"workingDays":[]}""", "workingDays")]
    [InlineData("""{"workingDays":["MONDAY","FUNDAY"]}""", "workingDays[1]")]
    [InlineData("""{"workingDays":"MONDAY"}""", "workingDays")]
    [InlineData("""{"name":"Fine","annualLeaveDays":99}""", "annualLeaveDays")]
    [InlineData("""{"name":""", "body")]
    public async Task A_bad_setting_is_a_400_naming_the_field_and_changes_nothing(string body, string field)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var before = (await admin.GetJsonAsync($"/api/companies/{companyId}")).ToString();

        var response = await admin.Http.PatchAsync($"/api/companies/{companyId}", Json(body.Replace("NAME101", new string('n', 101))));

        await AuthFlowTests.Assert400WithField(response, field);
        Assert.Equal(before, (await admin.GetJsonAsync($"/api/companies/{companyId}")).ToString());
    }

    [Fact]
    public async Task Renaming_to_a_taken_name_is_a_conflict()
    {
        var other = await ApiSession.SignUpAsync(app);
        var (otherId, _) = await other.CreateCompanyAsync();
        var takenName = (await other.GetJsonAsync($"/api/companies/{otherId}")).GetProperty("name").GetString();
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var before = (await admin.GetJsonAsync($"/api/companies/{companyId}")).ToString();

        var response = await admin.PatchAsync($"/api/companies/{companyId}", new { name = takenName, annualLeaveDays = 10 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(before, (await admin.GetJsonAsync($"/api/companies/{companyId}")).ToString());
    }

    [Fact]
    public async Task Only_an_admin_edits_or_deletes_the_company()
    {
        var team = await CreateTeamAsync(app);
        var stranger = await ApiSession.SignUpAsync(app);
        var before = (await team.Admin.GetJsonAsync(team.Url())).ToString();

        foreach (var caller in new[] { team.Manager, team.Employee, stranger })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.PatchAsync(team.Url(), new { annualLeaveDays = 1 })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.DeleteAsync(team.Url())).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync(team.Url())).StatusCode);
        Assert.Equal(before, (await team.Admin.GetJsonAsync(team.Url())).ToString());
    }

    [Fact]
    public async Task Deleting_a_company_removes_its_members_leaves_balances_holidays_and_invitations()
    {
        var team = await CreateTeamAsync(app);
        var monday = TestDates.FebruaryMondayNextYear();
        Assert.Equal(HttpStatusCode.Created, (await team.Employee.Http.PostAsJsonAsync(
            team.Url($"/memberships/{team.EmployeeMembershipId}/leaves"), new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.Iso() })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await team.Admin.Http.PostAsJsonAsync(team.Url("/holidays"), new { date = monday.Iso(), name = "Founders' day" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await team.Admin.Http.PostAsJsonAsync(team.Url("/memberships"),
            new { email = ApiSession.UniqueEmail("invitee"), role = "EMPLOYEE" })).StatusCode);
        var companyId = Guid.Parse(team.CompanyId);

        var response = await team.Admin.Http.DeleteAsync(team.Url());

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Admin.Http.GetAsync(team.Url())).StatusCode);
        Assert.Equal(0, (await team.Employee.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
        Assert.Equal(0, await ScalarAsync(app, "SELECT count(*) FROM companies WHERE id = $1", companyId));
        Assert.Equal(0, await ScalarAsync(app, "SELECT count(*) FROM memberships WHERE company_id = $1", companyId));
        Assert.Equal(0, await ScalarAsync(app, "SELECT count(*) FROM company_holidays WHERE company_id = $1", companyId));
        Assert.Equal(0, await ScalarAsync(app, "SELECT count(*) FROM invitations WHERE company_id = $1", companyId));
        var membershipIds = new[] { team.AdminMembershipId, team.ManagerMembershipId, team.EmployeeMembershipId }.Select(Guid.Parse).ToArray();
        Assert.Equal(0, await ScalarAsync(app, "SELECT count(*) FROM leaves WHERE membership_id = ANY($1)", membershipIds));
        Assert.Equal(0, await ScalarAsync(app, "SELECT count(*) FROM leave_balances WHERE membership_id = ANY($1)", membershipIds));
        // The users themselves stay, and no longer point at a membership that is gone.
        var session = await team.Employee.GetJsonAsync("/api/auth/session");
        Assert.Equal(JsonValueKind.Null, session.GetProperty("user").GetProperty("activeMembershipId").ValueKind);
    }

    [Fact]
    public async Task Company_holidays_are_read_by_members_written_by_admins_and_unique_per_date()
    {
        var team = await CreateTeamAsync(app);
        var tuesday = TestDates.FebruaryMondayNextYear().AddDays(1);

        var created = await team.Admin.Http.PostAsJsonAsync(team.Url("/holidays"), new { date = tuesday.Iso(), name = "  Company day " });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var holiday = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Company day", holiday.GetProperty("name").GetString());
        Assert.Equal(tuesday.Iso(), holiday.GetProperty("date").GetString());
        Assert.Equal(HttpStatusCode.Created, (await team.Admin.Http.PostAsJsonAsync(team.Url("/holidays"),
            new { date = tuesday.AddDays(-30).Iso(), name = "Earlier day" })).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await team.Admin.Http.PostAsJsonAsync(team.Url("/holidays"), new { date = tuesday.Iso(), name = "Again" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Manager.Http.PostAsJsonAsync(team.Url("/holidays"), new { date = tuesday.AddDays(1).Iso(), name = "M" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.PostAsJsonAsync(team.Url("/holidays"), new { date = tuesday.AddDays(1).Iso(), name = "E" })).StatusCode);

        // Every member reads them, in date order; a year filter narrows them.
        var list = await team.Employee.GetJsonAsync(team.Url("/holidays"));
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        Assert.Equal(["Earlier day", "Company day"], list.GetProperty("items").EnumerateArray().Select(h => h.GetProperty("name").GetString()));
        Assert.Equal(0, (await team.Employee.GetJsonAsync(team.Url($"/holidays?year={tuesday.Year - 1}"))).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await team.Employee.Http.GetAsync(team.Url($"/holidays/{holiday.GetProperty("id").GetString()}"))).StatusCode);

        // A company holiday is a closed day: a Monday–Friday leave over it counts four days.
        var leave = await team.Employee.Http.PostAsJsonAsync(team.Url($"/memberships/{team.EmployeeMembershipId}/leaves"),
            new { type = "UNPAID", startDate = tuesday.AddDays(-1).Iso(), endDate = tuesday.AddDays(3).Iso() });
        Assert.Equal(4m, (await leave.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("days").GetDecimal());

        var holidayUrl = team.Url($"/holidays/{holiday.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Manager.Http.DeleteAsync(holidayUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Admin.Http.DeleteAsync(holidayUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.Http.DeleteAsync(holidayUrl)).StatusCode);
        Assert.Equal(1, (await team.Employee.GetJsonAsync(team.Url("/holidays"))).GetProperty("total").GetInt32());

        var stranger = await ApiSession.SignUpAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync(team.Url("/holidays"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.PostAsJsonAsync(team.Url("/holidays"), new { date = tuesday.Iso(), name = "S" })).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"No date"}""", "date")]
    [InlineData("""{"date":"2031-02-30","name":"Impossible"}""", "date")]
    [InlineData("""{"date":"2031-02-03"}""", "name")]
    [InlineData("""{"date":"2031-02-03","name":"  "}""", "name")]
    [InlineData("""{"date":"2031-02-03","name":"NAME101"}""", "name")]
    [InlineData("""{"date":"2031-02-03","name":""", "body")]
    public async Task A_bad_holiday_is_a_400_naming_the_field_and_adds_nothing(string body, string field)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();

        var response = await admin.Http.PostAsync($"/api/companies/{companyId}/holidays", Json(body.Replace("NAME101", new string('n', 101))));

        await AuthFlowTests.Assert400WithField(response, field);
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/companies/{companyId}/holidays")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_png_logo_is_stored_and_served_to_members_only()
    {
        var team = await CreateTeamAsync(app);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Employee.Http.GetAsync(team.Url("/logo"))).StatusCode);
        var png = Unit.LogoImageTests.Picture(64, 32, SKEncodedImageFormat.Png, SKColors.Orange);

        var upload = await team.Admin.Http.PutAsync(team.Url("/logo"), Logo(png, "image/png", "logo.png"));

        Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        Assert.True((await team.Employee.GetJsonAsync(team.Url())).GetProperty("hasLogo").GetBoolean());
        var served = await team.Employee.Http.GetAsync(team.Url("/logo"));
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", served.Content.Headers.ContentDisposition?.DispositionType);
        using (var stored = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync()))
        {
            Assert.Equal((64, 32), (stored.Width, stored.Height));
            Assert.Equal(SKColors.Orange, stored.GetPixel(5, 5));
        }

        var stranger = await ApiSession.SignUpAsync(app);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync(team.Url("/logo"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().GetAsync(team.Url("/logo"))).StatusCode);

        Assert.Equal(HttpStatusCode.NoContent, (await team.Admin.Http.DeleteAsync(team.Url("/logo"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Employee.Http.GetAsync(team.Url("/logo"))).StatusCode);
        Assert.False((await team.Employee.GetJsonAsync(team.Url())).GetProperty("hasLogo").GetBoolean());
    }

    [Fact]
    public async Task An_svg_logo_is_recognised_by_its_content_and_stored_as_the_png_drawn_from_it()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();

        // Declared as a JPEG: what counts is what the bytes are.
        var upload = await admin.Http.PutAsync($"/api/companies/{companyId}/logo", Logo(Encoding.UTF8.GetBytes(Svg), "image/jpeg", "logo.jpg"));

        Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        var served = await admin.Http.GetAsync($"/api/companies/{companyId}/logo");
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline; filename=logo.png", served.Content.Headers.ContentDisposition?.ToString());
        Assert.Equal("nosniff", string.Join("", served.Headers.GetValues("X-Content-Type-Options")));
        using var stored = SKBitmap.Decode(await served.Content.ReadAsByteArrayAsync());
        Assert.Equal((512, 512), (stored.Width, stored.Height));
        Assert.Equal(new SKColor(0x00, 0xAA, 0x00), stored.GetPixel(256, 256));
    }

    /// <summary>The SVGs that went through the former blocklist (issue 13, point 15): what is stored is a plain PNG.</summary>
    [Theory]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><a xlink:href="jav&#x09;ascript:alert(document.domain)"><rect width="10" height="10"/></a></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><a><set attributeName="href" to="javascript:alert(1)"/><rect width="10" height="10"/></a></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10"/><iframe xmlns="http://www.w3.org/1999/xhtml" src="javascript:alert(1)"/></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><style>@import url("https://attacker.example/x.css");</style><rect width="10" height="10"/></svg>""")]
    [InlineData("""<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10" onload="alert(1)"><script>alert(2)</script><rect width="10" height="10"/></svg>""")]
    public async Task A_hostile_svg_logo_is_stored_and_served_as_a_plain_png(string svg)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();

        var upload = await admin.Http.PutAsync($"/api/companies/{companyId}/logo", Logo(Encoding.UTF8.GetBytes(svg), "image/svg+xml", "logo.svg"));

        Assert.Equal(HttpStatusCode.NoContent, upload.StatusCode);
        var served = await admin.Http.GetAsync($"/api/companies/{companyId}/logo");
        Assert.Equal("image/png", served.Content.Headers.ContentType?.MediaType);
        var bytes = await served.Content.ReadAsByteArrayAsync();
        Assert.True(bytes.AsSpan().StartsWith(PngHeader));
        Assert.DoesNotContain("script", Encoding.Latin1.GetString(bytes), StringComparison.OrdinalIgnoreCase);
        using var stored = SKBitmap.Decode(bytes);
        Assert.Equal((512, 512), (stored.Width, stored.Height));
    }

    [Theory]
    [InlineData("text", "image/png")]           // plain text declared as an image
    [InlineData("gif", "image/gif")]            // a real image of another format
    [InlineData("html", "image/svg+xml")]       // markup that is not an SVG
    [InlineData("too-big", "image/png")]        // 512 KiB + 1 byte
    [InlineData("empty", "image/png")]
    [InlineData("bomb", "image/png")]           // a header claiming 20,000 × 20,000 pixels
    [InlineData("fake-png", "image/png")]       // a PNG signature and nothing of an image behind it
    public async Task A_logo_of_the_wrong_type_or_size_is_refused_and_changes_nothing(string kind, string declaredType)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var content = kind switch
        {
            "text" => Encoding.UTF8.GetBytes("just some text, not an image"),
            "gif" => Encoding.ASCII.GetBytes("GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
            "html" => Encoding.UTF8.GetBytes("<html><body>hello</body></html>"),
            "too-big" => Padded(Unit.LogoImageTests.Picture(8, 8, SKEncodedImageFormat.Png), 512 * 1024 + 1),
            "bomb" => Unit.LogoImageTests.Picture(8, 8, SKEncodedImageFormat.Png) is var small ? Unit.LogoImageTests.WithSize(small, 20_000, 20_000) : [],
            "fake-png" => PngHeader.Concat(Enumerable.Repeat((byte)7, 100)).ToArray(),
            _ => [],
        };

        var response = await admin.Http.PutAsync($"/api/companies/{companyId}/logo", Logo(content, declaredType, "logo"));

        await AuthFlowTests.Assert400WithField(response, "file");
        Assert.Equal(HttpStatusCode.NotFound, (await admin.Http.GetAsync($"/api/companies/{companyId}/logo")).StatusCode);
    }

    [Fact]
    public async Task A_logo_of_exactly_512_KiB_is_accepted_and_one_without_a_file_is_refused()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var url = $"/api/companies/{companyId}/logo";

        // A real image padded after its end: the padding counts towards the limit, and is not kept.
        var largest = Padded(Unit.LogoImageTests.Picture(8, 8, SKEncodedImageFormat.Png), 512 * 1024);
        Assert.Equal(HttpStatusCode.NoContent, (await admin.Http.PutAsync(url, Logo(largest, "image/png", "logo.png"))).StatusCode);
        using var stored = SKBitmap.Decode(await admin.Http.GetByteArrayAsync(url));
        Assert.Equal((8, 8), (stored.Width, stored.Height));

        var noFile = new MultipartFormDataContent { { new StringContent("x"), "other" } };
        await AuthFlowTests.Assert400WithField(await admin.Http.PutAsync(url, noFile), "file");
    }

    [Fact]
    public async Task Only_an_admin_changes_the_logo()
    {
        var team = await CreateTeamAsync(app);
        var stranger = await ApiSession.SignUpAsync(app);
        var png = Unit.LogoImageTests.Picture(4, 4, SKEncodedImageFormat.Png);

        foreach (var caller in new[] { team.Manager, team.Employee, stranger })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.PutAsync(team.Url("/logo"), Logo(png, "image/png", "logo.png"))).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await caller.Http.DeleteAsync(team.Url("/logo"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await team.Employee.Http.GetAsync(team.Url("/logo"))).StatusCode);
    }

    [Theory]
    [InlineData("PATCH", "")]
    [InlineData("DELETE", "")]
    [InlineData("PUT", "/logo")]
    [InlineData("GET", "/logo")]
    [InlineData("DELETE", "/logo")]
    [InlineData("GET", "/holidays")]
    [InlineData("POST", "/holidays")]
    [InlineData("GET", "/holidays/00000000-0000-0000-0000-000000000002")]
    [InlineData("DELETE", "/holidays/00000000-0000-0000-0000-000000000002")]
    public async Task Without_a_session_every_company_endpoint_is_a_401(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/companies/00000000-0000-0000-0000-000000000001{path}") { Content = Json("{}") };
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().SendAsync(request)).StatusCode);
    }

    private static byte[] Padded(byte[] image, int length) => image.Concat(new byte[length - image.Length]).ToArray();

    private static MultipartFormDataContent Logo(byte[] content, string declaredType, string fileName)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(declaredType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }
}
