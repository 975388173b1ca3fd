using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Webhook endpoints through the Api (issue 18): managed by the company's admins only and by no token, the secret shown
/// once and kept encrypted, targets checked against server-side request forgery, and events queued in the transaction
/// of the change that causes them. Delivery by the Worker: <see cref="WebhookDeliveryTests"/>.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class WebhookApiTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private const string Receiver = "https://hooks.example.com/arkoa";

    [Fact]
    public async Task An_admin_creates_lists_changes_rotates_and_deletes_an_endpoint_whose_secret_is_shown_once_and_kept_encrypted()
    {
        var company = await TestCompany.CreateAsync(app);
        var response = await company.Admin.Http.PostAsJsonAsync(company.WebhooksUrl(), new
        {
            url = "  https://hooks.example.com/arkoa?team=1  ", description = " Payroll ", events = new[] { "member.left", "leave.approved", "member.left" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetString()!;
        var secret = created.GetProperty("secret").GetString()!;
        Assert.Matches("^whsec_[0-9A-Za-z]{43}$", secret);
        Assert.Equal("https://hooks.example.com/arkoa?team=1", created.GetProperty("url").GetString());
        Assert.Equal("Payroll", created.GetProperty("description").GetString());
        Assert.Equal(["leave.approved", "member.left"], created.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.True(created.GetProperty("active").GetBoolean());

        // Listed and read without the secret; the database holds it encrypted, readable with the deployment's key only.
        var listed = Assert.Single((await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.WebhooksUrl()))!);
        Assert.False(listed.TryGetProperty("secret", out _));
        Assert.DoesNotContain(secret[6..], listed.ToString(), StringComparison.Ordinal);
        var one = await company.Admin.GetJsonAsync(company.WebhooksUrl($"/{id}"));
        Assert.False(one.TryGetProperty("secret", out _));
        var stored = await WebhookKit.EncryptedSecretAsync(app, id);
        Assert.DoesNotContain(secret[6..], stored, StringComparison.Ordinal);
        Assert.Equal(secret, new WebhookSecretProtector(InProcessApi.WebhookKey).Unprotect(stored, Guid.Parse(id)));

        var changed = await company.Admin.PatchAsync(company.WebhooksUrl($"/{id}"), new { active = false, events = new[] { "leave.submitted" } });
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        var after = await changed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(after.GetProperty("active").GetBoolean());
        Assert.Equal(["leave.submitted"], after.GetProperty("events").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("Payroll", after.GetProperty("description").GetString()); // left out, so kept

        var rotated = await company.Admin.Http.PostAsync(company.WebhooksUrl($"/{id}/rotate-secret"), null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var newSecret = (await rotated.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("secret").GetString()!;
        Assert.NotEqual(secret, newSecret);
        Assert.Equal(newSecret, new WebhookSecretProtector(InProcessApi.WebhookKey).Unprotect(await WebhookKit.EncryptedSecretAsync(app, id), Guid.Parse(id)));

        Assert.Equal(HttpStatusCode.NoContent, (await company.Admin.Http.DeleteAsync(company.WebhooksUrl($"/{id}"))).StatusCode);
        await (await company.Admin.Http.GetAsync(company.WebhooksUrl($"/{id}"))).AssertProblemAsync(HttpStatusCode.NotFound, "webhook-not-found");
        Assert.Empty((await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.WebhooksUrl()))!);
    }

    [Fact]
    public async Task Only_the_company_s_admins_signed_in_manage_webhooks_not_managers_employees_other_companies_or_tokens()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var hook = await team.CreateWebhookAsync(Receiver);
        var other = await TestCompany.CreateAsync(app);
        var otherHook = await other.CreateWebhookAsync(Receiver);
        var token = await team.Admin.CreateTokenAsync(app, team.CompanyId, "read", "write", "approve");
        var body = new { url = Receiver, events = new[] { "leave.submitted" } };

        foreach (var member in new[] { team.Manager, team.Employee })
        {
            await (await member.Http.GetAsync(team.WebhooksUrl())).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
            await (await member.Http.PostAsJsonAsync(team.WebhooksUrl(), body)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
            await (await member.Http.GetAsync(team.WebhooksUrl($"/{hook.Id}/deliveries"))).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
            await (await member.Http.PostAsync(team.WebhooksUrl($"/{hook.Id}/rotate-secret"), null)).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
            await (await member.Http.DeleteAsync(team.WebhooksUrl($"/{hook.Id}"))).AssertProblemAsync(HttpStatusCode.Forbidden, "admin-only-webhooks");
        }
        // Another company's admin: not a member here, and this company's endpoint is not found from theirs.
        await (await other.Admin.Http.GetAsync(team.WebhooksUrl())).AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await (await other.Admin.Http.GetAsync(other.WebhooksUrl($"/{hook.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound, "webhook-not-found");
        await (await other.Admin.Http.DeleteAsync(other.WebhooksUrl($"/{hook.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound, "webhook-not-found");
        await (await team.Admin.Http.GetAsync(team.WebhooksUrl($"/{otherHook.Id}"))).AssertProblemAsync(HttpStatusCode.NotFound, "webhook-not-found");
        // An admin's token with every scope: reads included, a token may not reach the company's webhooks.
        await (await token.Http.GetAsync(team.WebhooksUrl())).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");
        await (await token.Http.PostAsJsonAsync(team.WebhooksUrl(), body)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");
        await (await token.Http.PostAsync(team.WebhooksUrl($"/{hook.Id}/ping"), null)).AssertProblemAsync(HttpStatusCode.Forbidden, "token-not-allowed");

        Assert.Single((await team.Admin.Http.GetFromJsonAsync<List<JsonElement>>(team.WebhooksUrl()))!);
        Assert.Single((await other.Admin.Http.GetFromJsonAsync<List<JsonElement>>(other.WebhooksUrl()))!);
    }

    [Theory]
    [InlineData("http://hooks.example.com/arkoa", "https-required")]
    [InlineData("http://127.0.0.1:8080/hook", "https-required")]
    [InlineData("https://127.0.0.1/hook", "private-address")]
    [InlineData("https://[::1]/hook", "private-address")]
    [InlineData("https://169.254.169.254/latest/meta-data/", "private-address")]
    [InlineData("https://[::ffff:10.0.0.1]/hook", "private-address")]
    [InlineData("https://localhost/hook", "local-name")]
    [InlineData("https://user:secret@hooks.example.com/", "credentials")]
    [InlineData("hooks.example.com", "not-absolute")]
    public async Task A_target_outside_the_public_internet_is_refused_with_its_reason(string url, string reason)
    {
        var company = await TestCompany.CreateAsync(app);
        var problem = await (await company.Admin.Http.PostAsJsonAsync(company.WebhooksUrl(), new { url, events = new[] { "leave.submitted" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "webhook-url-not-allowed");
        Assert.Equal(reason, problem.GetProperty("reason").GetString());
        Assert.True(problem.GetProperty("errors").TryGetProperty("url", out _));
        // A change to an existing endpoint is checked the same way.
        var hook = await company.CreateWebhookAsync(Receiver);
        await (await company.Admin.PatchAsync(company.WebhooksUrl($"/{hook.Id}"), new { url }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "webhook-url-not-allowed");
    }

    [Fact]
    public async Task Events_must_be_known_and_given()
    {
        var company = await TestCompany.CreateAsync(app);
        var unknown = await (await company.Admin.Http.PostAsJsonAsync(company.WebhooksUrl(), new { url = Receiver, events = new[] { "ping" } }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "invalid-choice");
        Assert.Contains("leave.approved", unknown.GetProperty("allowed").EnumerateArray().Select(a => a.GetString()));
        await (await company.Admin.Http.PostAsJsonAsync(company.WebhooksUrl(), new { url = Receiver }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "required");
    }

    [Fact]
    public async Task A_leave_s_events_are_queued_in_order_for_each_subscribed_endpoint_without_free_text_or_a_sensitive_type()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var leaves = await team.CreateWebhookAsync(Receiver, "leave.submitted", "leave.approved", "leave.canceled");
        var members = await team.CreateWebhookAsync("https://hr.example.com/hook", "member.joined");
        var inactive = await team.CreateWebhookAsync("https://off.example.com/hook", "leave.submitted");
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(team.WebhooksUrl($"/{inactive.Id}"), new { active = false })).StatusCode);

        var day = TestDates.FebruaryMondayNextYear();
        var paid = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", day, day);
        var approved = await team.Manager.Http.PostAsJsonAsync(team.ReviewUrl(paid), new { status = "APPROVED", managerNote = "Enjoy the surgery recovery" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        var sick = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "SICK", day.AddDays(7), day.AddDays(8));

        var queued = await WebhookKit.QueuedAsync(app, leaves.Id);
        Assert.Equal(["leave.submitted", "leave.approved", "leave.submitted"], queued.Select(q => q.EventType));
        Assert.Equal(Guid.Parse(paid), queued[0].OrderingKey);
        Assert.Equal(Guid.Parse(paid), queued[1].OrderingKey);
        Assert.Equal(3, queued.Select(q => q.EventId).Distinct().Count());

        var approvedEvent = queued[1].Envelope;
        Assert.Equal(queued[1].EventId, approvedEvent.GetProperty("id").GetGuid());
        Assert.Equal("leave.approved", approvedEvent.GetProperty("type").GetString());
        Assert.Equal(1, approvedEvent.GetProperty("version").GetInt32());
        Assert.Equal(team.CompanyId, approvedEvent.GetProperty("companyId").GetString());
        var data = approvedEvent.GetProperty("data");
        Assert.Equal(paid, data.GetProperty("leaveId").GetString());
        Assert.Equal(team.EmployeeMembershipId, data.GetProperty("membershipId").GetString());
        Assert.Equal("Employee User", data.GetProperty("memberName").GetString());
        Assert.Equal("PAID", data.GetProperty("type").GetString());
        Assert.Equal("APPROVED", data.GetProperty("status").GetString());
        Assert.Equal(day.Iso(), data.GetProperty("startDate").GetString());
        Assert.DoesNotContain("surgery", queued[1].Body, StringComparison.OrdinalIgnoreCase); // the manager's note stays out

        // A sick leave says that the person is absent, not why.
        var sickData = queued[2].Envelope.GetProperty("data");
        Assert.Equal(sick, sickData.GetProperty("leaveId").GetString());
        Assert.Equal(JsonValueKind.Null, sickData.GetProperty("type").ValueKind);
        Assert.True(sickData.GetProperty("typeHidden").GetBoolean());
        Assert.DoesNotContain("SICK", queued[2].Body, StringComparison.Ordinal);

        // Not subscribed, or inactive: nothing queued.
        Assert.Empty(await WebhookKit.QueuedAsync(app, members.Id));
        Assert.Empty(await WebhookKit.QueuedAsync(app, inactive.Id));
    }

    [Fact]
    public async Task A_rejection_is_its_own_event_and_a_refused_review_queues_nothing()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var hook = await team.CreateWebhookAsync(Receiver, "leave.approved", "leave.rejected");
        var day = TestDates.FebruaryMondayNextYear(4);
        var leave = await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", day, day);
        // Refused (a rejection needs a note): the change rolled back, and so did its event.
        Assert.Equal(HttpStatusCode.BadRequest, (await team.Manager.Http.PostAsJsonAsync(team.ReviewUrl(leave), new { status = "REJECTED" })).StatusCode);
        Assert.Empty(await WebhookKit.QueuedAsync(app, hook.Id));

        Assert.Equal(HttpStatusCode.OK,
            (await team.Manager.Http.PostAsJsonAsync(team.ReviewUrl(leave), new { status = "REJECTED", managerNote = "Team offsite that week" })).StatusCode);
        var rejected = Assert.Single(await WebhookKit.QueuedAsync(app, hook.Id));
        Assert.Equal("leave.rejected", rejected.EventType);
        Assert.Equal("REJECTED", rejected.Envelope.GetProperty("data").GetProperty("status").GetString());
        Assert.DoesNotContain("offsite", rejected.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Members_joining_and_leaving_and_balance_adjustments_are_queued_too()
    {
        var company = await TestCompany.CreateAsync(app);
        var hook = await company.CreateWebhookAsync(Receiver, "member.joined", "member.left", "balance.adjusted");
        var (_, membershipId) = await company.AddMemberAsync(app, name: "Joe Joiner");
        var credited = await company.Admin.Http.PostAsJsonAsync(company.Url($"/memberships/{membershipId}/leave-balances"),
            new { type = "RTT", change = 2.5, reason = "Overtime for the hospital visit", historyType = "MANUEL_CREDIT" });
        Assert.Equal(HttpStatusCode.OK, credited.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await company.Admin.Http.DeleteAsync(company.Url($"/memberships/{membershipId}"))).StatusCode);

        var queued = await WebhookKit.QueuedAsync(app, hook.Id);
        Assert.Equal(["member.joined", "balance.adjusted", "member.left"], queued.Select(q => q.EventType));
        var joined = queued[0].Envelope.GetProperty("data");
        Assert.Equal(membershipId, joined.GetProperty("membershipId").GetString());
        Assert.Equal("Joe Joiner", joined.GetProperty("name").GetString());
        Assert.Equal("EMPLOYEE", joined.GetProperty("role").GetString());
        var balance = queued[1].Envelope.GetProperty("data");
        Assert.Equal("RTT", balance.GetProperty("leaveType").GetString());
        Assert.Equal(2.5m, balance.GetProperty("change").GetDecimal());
        Assert.Equal(2.5m, balance.GetProperty("remainingDays").GetDecimal());
        Assert.DoesNotContain("hospital", queued[1].Body, StringComparison.OrdinalIgnoreCase);
        Assert.All(queued, q => Assert.Equal(Guid.Parse(membershipId), q.OrderingKey));
    }

    [Fact]
    public async Task Erasing_an_account_removes_every_webhook_event_about_the_person()
    {
        var team = await CompanyTestKit.CreateTeamAsync(app);
        var hook = await team.CreateWebhookAsync(Receiver, "leave.submitted", "member.left");
        var day = TestDates.FebruaryMondayNextYear(2);
        await team.Employee.CreateLeaveAsync(team.CompanyId, team.EmployeeMembershipId, "PAID", day, day);
        await team.Manager.CreateLeaveAsync(team.CompanyId, team.ManagerMembershipId, "PAID", day, day);
        Assert.Equal(2, (await WebhookKit.QueuedAsync(app, hook.Id)).Count);

        var erased = await team.Employee.Http.SendAsync(new HttpRequestMessage(HttpMethod.Delete, "/api/users/me")
        {
            Content = JsonContent.Create(new { password = team.Employee.Password }),
        });
        Assert.Equal(HttpStatusCode.NoContent, erased.StatusCode);
        var left = Assert.Single(await WebhookKit.QueuedAsync(app, hook.Id));
        Assert.Equal(team.ManagerMembershipId, left.Envelope.GetProperty("data").GetProperty("membershipId").GetString());
    }

    [Fact]
    public async Task A_ping_is_queued_listed_with_its_attempts_and_only_a_dead_delivery_can_be_redelivered()
    {
        var company = await TestCompany.CreateAsync(app);
        var hook = await company.CreateWebhookAsync(Receiver, "leave.submitted");
        var ping = await company.PingAsync(hook.Id);
        Assert.Equal("ping", ping.GetProperty("eventType").GetString());
        var deliveryId = ping.GetProperty("deliveryId").GetString()!;

        var listed = Assert.Single((await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.WebhooksUrl($"/{hook.Id}/deliveries")))!);
        Assert.Equal(deliveryId, listed.GetProperty("id").GetString());
        Assert.Equal("pending", listed.GetProperty("status").GetString());
        Assert.Equal(0, listed.GetProperty("attempts").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("nextAttemptAt").ValueKind);
        Assert.Empty(listed.GetProperty("attemptLog").EnumerateArray());
        Assert.Equal(WebhookEventTypes.Ping, (await WebhookKit.QueuedAsync(app, hook.Id)).Single().Envelope.GetProperty("type").GetString());

        var redeliver = company.WebhooksUrl($"/{hook.Id}/deliveries/{deliveryId}/redeliver");
        await (await company.Admin.Http.PostAsync(redeliver, null)).AssertProblemAsync(HttpStatusCode.Conflict, "webhook-delivery-not-dead");
        await (await company.Admin.Http.PostAsync(company.WebhooksUrl($"/{hook.Id}/deliveries/{Guid.NewGuid()}/redeliver"), null))
            .AssertProblemAsync(HttpStatusCode.NotFound, "webhook-delivery-not-found");

        // As the Worker leaves it after its last attempt: dead, with its attempts.
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app,
            "WITH dead AS (UPDATE webhook_deliveries SET dead_at = now(), attempts = 4, last_status_code = 500, last_error = 'HTTP 500' WHERE id = $1 RETURNING id) " +
            "INSERT INTO webhook_delivery_attempts (id, delivery_id, attempted_at, status_code, duration_ms, error, response_excerpt, created_at, updated_at) " +
            "SELECT gen_random_uuid(), id, now(), 500, 12, 'HTTP 500', 'oops', now(), now() FROM dead RETURNING 1", Guid.Parse(deliveryId)));
        var dead = Assert.Single((await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.WebhooksUrl($"/{hook.Id}/deliveries")))!);
        Assert.Equal("dead", dead.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, dead.GetProperty("nextAttemptAt").ValueKind);
        var attempt = Assert.Single(dead.GetProperty("attemptLog").EnumerateArray());
        Assert.Equal(500, attempt.GetProperty("statusCode").GetInt32());
        Assert.Equal(12, attempt.GetProperty("durationMs").GetInt32());
        Assert.Equal("oops", attempt.GetProperty("responseExcerpt").GetString());

        Assert.Equal(HttpStatusCode.Accepted, (await company.Admin.Http.PostAsync(redeliver, null)).StatusCode);
        var again = Assert.Single((await company.Admin.Http.GetFromJsonAsync<List<JsonElement>>(company.WebhooksUrl($"/{hook.Id}/deliveries")))!);
        Assert.Equal("pending", again.GetProperty("status").GetString());
        Assert.Equal(0, again.GetProperty("attempts").GetInt32());
        Assert.Single(again.GetProperty("attemptLog").EnumerateArray()); // the earlier attempts stay visible
        Assert.Equal(ping.GetProperty("eventId").GetString(), again.GetProperty("eventId").GetString());
    }
}
