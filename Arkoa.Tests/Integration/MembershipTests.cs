using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Members: adding (always an invitation, the same answer for any address, limited, only from a confirmed account),
/// listing, reading, role and active changes, removal, and the last-admin rule.
/// </summary>
public sealed class MembershipTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task Adding_an_existing_user_mails_an_invitation_whose_acceptance_creates_the_membership_with_prorated_balances()
    {
        var admin = await ApiSession.SignUpAsync(app, "Admin User");
        var (companyId, _) = await admin.CreateCompanyAsync(annualLeaveDays: 24);
        var companyName = (await admin.GetJsonAsync($"/api/companies/{companyId}")).GetProperty("name").GetString()!;
        var user = await ApiSession.SignUpAsync(app, "Lou Bernard");

        var response = await admin.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email = user.Email.ToUpperInvariant(), role = "EMPLOYEE" });

        // An invitation, not a membership: the account gains nothing until its owner accepts.
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/companies/{companyId}/memberships")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await user.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await user.Http.GetAsync($"/api/companies/{companyId}")).StatusCode);

        // The mail really arrives (in the user's language, French by default) and its link joins them.
        var mail = await app.Inbox().WaitForOneAsync(user.Email, s => s.Contains(companyName, StringComparison.Ordinal));
        Assert.Equal($"Admin User vous invite à rejoindre {companyName} sur Arkoa", mail.Subject);
        Assert.Contains("salarié", await app.Inbox().PlainTextAsync(mail.Id));
        var token = Assert.Single(await InvitationTokensAsync(app, user.Email));
        var accepted = await user.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null);

        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        var membership = await accepted.Content.ReadFromJsonAsync<JsonElement>();
        var membershipId = membership.GetProperty("id").GetString()!;
        Assert.Equal(user.UserId, membership.GetProperty("userId").GetString());
        Assert.Equal("Lou Bernard", membership.GetProperty("name").GetString());
        Assert.Equal("EMPLOYEE", membership.GetProperty("role").GetString());
        Assert.True(membership.GetProperty("active").GetBoolean());
        Assert.Equal(accepted.Headers.Location?.ToString(), $"/api/companies/{companyId}/memberships/{membershipId}");

        // The same starting balances as the creator's: PAID prorated with its AUTO_CREDIT row, RTT empty.
        var expected = InitialPaidDays(24);
        Assert.Equal(expected, await user.BalanceAsync(companyId, membershipId, "PAID"));
        Assert.Equal(0m, await user.BalanceAsync(companyId, membershipId, "RTT"));
        var credit = Assert.Single(await user.HistoryAsync(companyId, membershipId));
        Assert.Equal("AUTO_CREDIT", credit.GetProperty("type").GetString());
        Assert.Equal(expected, credit.GetProperty("change").GetDecimal());

        // The company is now theirs to see, and the one the UI shows since they had none.
        var companies = await user.GetJsonAsync("/api/companies");
        Assert.Equal(companyName, Assert.Single(companies.GetProperty("items").EnumerateArray()).GetProperty("name").GetString());
        var session = await user.GetJsonAsync("/api/auth/session");
        Assert.Equal(membershipId, session.GetProperty("user").GetProperty("activeMembershipId").GetString());
    }

    [Fact]
    public async Task Adding_answers_the_same_202_whether_or_not_the_address_has_an_account_and_names_nobody()
    {
        var admin = await ApiSession.SignUpAsync(app, "Even Admin");
        var (companyId, _) = await admin.CreateCompanyAsync();
        var url = $"/api/companies/{companyId}/memberships";
        var existing = await ApiSession.SignUpAsync(app, "Existing Person");
        var unknown = ApiSession.UniqueEmail("nobody-yet");

        // Even as ADMIN, and even for an account that exists: nobody is enrolled by being added.
        var known = await admin.Http.PostAsJsonAsync(url, new { email = existing.Email, role = "ADMIN" });
        var fresh = await admin.Http.PostAsJsonAsync(url, new { email = unknown, role = "ADMIN" });

        Assert.Equal(HttpStatusCode.Accepted, known.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, fresh.StatusCode);
        Assert.Equal(known.Headers.Select(h => h.Key).Order(), fresh.Headers.Select(h => h.Key).Order());
        var knownBody = await known.Content.ReadFromJsonAsync<JsonElement>();
        var freshBody = await fresh.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Shape(knownBody), Shape(freshBody));
        foreach (var body in new[] { knownBody, freshBody })
        {
            Assert.False(body.TryGetProperty("userId", out _));
            Assert.False(body.TryGetProperty("name", out _));
            Assert.Equal("ADMIN", body.GetProperty("role").GetString());
        }
        Assert.DoesNotContain("Existing Person", knownBody.ToString());
        Assert.DoesNotContain(existing.UserId, knownBody.ToString());

        Assert.Equal(1, (await admin.GetJsonAsync(url)).GetProperty("total").GetInt32());
        Assert.Equal(2, (await admin.GetJsonAsync($"/api/companies/{companyId}/invitations")).GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.Forbidden, (await existing.Http.GetAsync($"/api/companies/{companyId}")).StatusCode);
        Assert.Equal(0, await ScalarAsync(app, "SELECT count(*) FROM memberships WHERE user_id = $1", Guid.Parse(existing.UserId)));

        static List<string> Shape(JsonElement body) => body.EnumerateObject().Select(p => $"{p.Name}:{p.Value.ValueKind}").ToList();
    }

    [Fact]
    public async Task Only_an_account_with_a_confirmed_address_can_invite()
    {
        var team = await CreateTeamAsync(app);
        // An account from before addresses had to be confirmed, say: its address is not proven.
        await ScalarAsync(app, "UPDATE users SET email_verified = false WHERE id = $1", Guid.Parse(team.Manager.UserId));
        var email = ApiSession.UniqueEmail("not-sent");

        var refused = await team.Manager.Http.PostAsJsonAsync(team.Url("/memberships"), new { email, role = "EMPLOYEE" });

        var problem = await AccountTestKit.ProblemAsync(refused, HttpStatusCode.Forbidden);
        Assert.Contains("Confirm your e-mail address first", problem.GetProperty("detail").GetString());
        Assert.Equal(0, (await team.Admin.GetJsonAsync(team.Url("/invitations"))).GetProperty("total").GetInt32());
        Assert.Equal(0, await ScalarAsync(app, "SELECT count(*) FROM invitations WHERE email = $1", email));
        Assert.Equal(HttpStatusCode.Accepted,
            (await team.Admin.Http.PostAsJsonAsync(team.Url("/memberships"), new { email, role = "EMPLOYEE" })).StatusCode);
    }

    [Fact]
    public async Task A_manager_cannot_replace_an_open_invitation_of_a_manager_that_an_admin_sent()
    {
        var team = await CreateTeamAsync(app);
        var url = team.Url("/memberships");
        var email = ApiSession.UniqueEmail("future-manager");
        Assert.Equal(HttpStatusCode.Accepted, (await team.Admin.Http.PostAsJsonAsync(url, new { email, role = "MANAGER" })).StatusCode);
        var token = Assert.Single(await InvitationTokensAsync(app, email));

        var replaced = await team.Manager.Http.PostAsJsonAsync(url, new { email = email.ToUpperInvariant(), role = "EMPLOYEE" });

        var problem = await AccountTestKit.ProblemAsync(replaced, HttpStatusCode.Forbidden);
        Assert.Contains("only an admin can replace it", problem.GetProperty("detail").GetString());
        var open = Assert.Single((await team.Admin.GetJsonAsync(team.Url("/invitations"))).GetProperty("items").EnumerateArray());
        Assert.Equal("MANAGER", open.GetProperty("role").GetString());
        Assert.Equal("MANAGER", (await app.Api().GetFromJsonAsync<JsonElement>($"/api/invitations/{Uri.EscapeDataString(token)}"))
            .GetProperty("role").GetString());

        // An employee's invitation is the manager's to renew; an admin may change any; an expired one is open to all.
        var employeeEmail = ApiSession.UniqueEmail("future-employee");
        Assert.Equal(HttpStatusCode.Accepted, (await team.Admin.Http.PostAsJsonAsync(url, new { email = employeeEmail, role = "EMPLOYEE" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await team.Manager.Http.PostAsJsonAsync(url, new { email = employeeEmail, role = "EMPLOYEE" })).StatusCode);
        await ScalarAsync(app, "UPDATE invitations SET expires_at = now() - interval '1 minute' WHERE email = $1", email);
        Assert.Equal(HttpStatusCode.Accepted, (await team.Manager.Http.PostAsJsonAsync(url, new { email, role = "EMPLOYEE" })).StatusCode);
        Assert.Equal("EMPLOYEE", (await team.Admin.GetJsonAsync(team.Url("/invitations"))).GetProperty("items").EnumerateArray()
            .Single(i => i.GetProperty("email").GetString() == email).GetProperty("role").GetString());
    }

    [Fact]
    public async Task An_address_gets_at_most_three_invitations_a_day_whichever_companies_send_them()
    {
        var email = ApiSession.UniqueEmail("popular");
        var admins = new List<(ApiSession Admin, string CompanyId)>();
        for (var i = 0; i < 4; i++)
        {
            var admin = await ApiSession.SignUpAsync(app);
            admins.Add((admin, (await admin.CreateCompanyAsync()).CompanyId));
        }
        // Two from the first company (a resend counts), one from the second: three mails.
        Assert.Equal(HttpStatusCode.Accepted, (await admins[0].Admin.Http.PostAsJsonAsync($"/api/companies/{admins[0].CompanyId}/memberships", new { email, role = "EMPLOYEE" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admins[0].Admin.Http.PostAsJsonAsync($"/api/companies/{admins[0].CompanyId}/memberships", new { email, role = "EMPLOYEE" })).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await admins[1].Admin.Http.PostAsJsonAsync($"/api/companies/{admins[1].CompanyId}/memberships", new { email, role = "EMPLOYEE" })).StatusCode);

        var fourth = await admins[2].Admin.Http.PostAsJsonAsync($"/api/companies/{admins[2].CompanyId}/memberships", new { email, role = "EMPLOYEE" });

        var problem = await AccountTestKit.ProblemAsync(fourth, HttpStatusCode.TooManyRequests);
        Assert.Equal("This address was sent 3 invitations in the last 24 hours: try again later.", problem.GetProperty("detail").GetString());
        Assert.InRange(fourth.Headers.RetryAfter!.Delta!.Value.TotalHours, 23.9, 24);
        Assert.Equal(0, (await admins[2].Admin.GetJsonAsync($"/api/companies/{admins[2].CompanyId}/invitations")).GetProperty("total").GetInt32());
        Assert.Equal(3, await ScalarAsync(app, "SELECT count(*) FROM invitation_sends WHERE company_id = ANY($1)", admins.Select(a => Guid.Parse(a.CompanyId)).ToArray()));
        Assert.Equal(3, (await app.Inbox().WaitForAsync(email, count: 3)).Count);

        // A day later (as far as the database can tell) the address may be invited again.
        await ScalarAsync(app, "UPDATE invitation_sends SET created_at = created_at - interval '1 day' WHERE company_id = ANY($1)",
            admins.Select(a => Guid.Parse(a.CompanyId)).ToArray());
        Assert.Equal(HttpStatusCode.Accepted, (await admins[3].Admin.Http.PostAsJsonAsync($"/api/companies/{admins[3].CompanyId}/memberships", new { email, role = "EMPLOYEE" })).StatusCode);
    }

    [Fact]
    public async Task Invitations_of_one_address_sent_at_once_from_several_companies_never_pass_the_limit()
    {
        var email = ApiSession.UniqueEmail("raced");
        var senders = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var admin = await ApiSession.SignUpAsync(app);
            return (admin, (await admin.CreateCompanyAsync()).CompanyId);
        }));

        var responses = await Task.WhenAll(senders.Select(s =>
            s.admin.Http.PostAsJsonAsync($"/api/companies/{s.CompanyId}/memberships", new { email, role = "EMPLOYEE" })));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Accepted));
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.TooManyRequests));
        Assert.Equal(3, await ScalarAsync(app, "SELECT count(*) FROM invitations WHERE email = $1", email));
    }

    [Fact]
    public async Task A_company_sends_at_most_fifty_invitations_a_day()
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();
        var url = $"/api/companies/{companyId}/memberships";
        for (var i = 0; i < 50; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await admin.Http.PostAsJsonAsync(url, new { email = ApiSession.UniqueEmail($"bulk{i}"), role = "EMPLOYEE" })).StatusCode);
        }

        var fiftyFirst = await admin.Http.PostAsJsonAsync(url, new { email = ApiSession.UniqueEmail("one-too-many"), role = "EMPLOYEE" });

        var problem = await AccountTestKit.ProblemAsync(fiftyFirst, HttpStatusCode.TooManyRequests);
        Assert.Equal("This company sent 50 invitations in the last 24 hours: try again later.", problem.GetProperty("detail").GetString());
        Assert.NotNull(fiftyFirst.Headers.RetryAfter);
        Assert.Equal(50, (await admin.GetJsonAsync($"/api/companies/{companyId}/invitations")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Adding_someone_who_is_already_a_member_is_a_conflict_even_when_deactivated()
    {
        var team = await CreateTeamAsync(app);
        var url = team.Url("/memberships");

        Assert.Equal(HttpStatusCode.Conflict, (await team.Admin.Http.PostAsJsonAsync(url, new { email = team.Employee.Email, role = "EMPLOYEE" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Admin.Http.PostAsJsonAsync(url, new { email = team.Admin.Email, role = "ADMIN" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.PatchAsync(team.Url($"/memberships/{team.EmployeeMembershipId}"), new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Manager.Http.PostAsJsonAsync(url, new { email = team.Employee.Email, role = "EMPLOYEE" })).StatusCode);
        Assert.Equal(3, (await team.Admin.GetJsonAsync(url)).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_manager_adds_employees_but_only_an_admin_adds_managers_or_admins()
    {
        var team = await CreateTeamAsync(app);
        var url = team.Url("/memberships");
        var newcomer = await ApiSession.SignUpAsync(app);
        var unknownEmail = ApiSession.UniqueEmail("unknown");

        foreach (var role in new[] { "MANAGER", "ADMIN" })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await team.Manager.Http.PostAsJsonAsync(url, new { email = newcomer.Email, role })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await team.Manager.Http.PostAsJsonAsync(url, new { email = unknownEmail, role })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.PostAsJsonAsync(url, new { email = newcomer.Email, role = "EMPLOYEE" })).StatusCode);
        Assert.Equal(3, (await team.Admin.GetJsonAsync(url)).GetProperty("total").GetInt32());
        Assert.Equal(0, (await team.Admin.GetJsonAsync(team.Url("/invitations"))).GetProperty("total").GetInt32());

        Assert.Equal(HttpStatusCode.Accepted, (await team.Manager.Http.PostAsJsonAsync(url, new { email = newcomer.Email, role = "EMPLOYEE" })).StatusCode);
        var another = await ApiSession.SignUpAsync(app);
        Assert.Equal("ADMIN", (await (await team.Admin.Http.PostAsJsonAsync(url, new { email = another.Email, role = "ADMIN" }))
            .Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
    }

    [Theory]
    [InlineData("""{"role":"EMPLOYEE"}""", "email")]
    [InlineData("""{"email":"not-an-email","role":"EMPLOYEE"}""", "email")]
    [InlineData("""{"email":"EMAIL255","role":"EMPLOYEE"}""", "email")]
    [InlineData("""{"email":"someone@example.test"}""", "role")]
    [InlineData("""{"email":"someone@example.test","role":"BOSS"}""", "role")]
    [InlineData("""{"email":"someone@example.test","role":2}""", "role")]
    [InlineData("""{"email":""", "body")]
    public async Task A_bad_add_request_is_a_400_naming_the_field_and_adds_nothing(string body, string field)
    {
        var admin = await ApiSession.SignUpAsync(app);
        var (companyId, _) = await admin.CreateCompanyAsync();

        var response = await admin.Http.PostAsync($"/api/companies/{companyId}/memberships",
            Json(body.Replace("EMAIL255", new string('a', 250) + "@example.test")));

        await AuthFlowTests.Assert400WithField(response, field);
        Assert.Equal(1, (await admin.GetJsonAsync($"/api/companies/{companyId}/memberships")).GetProperty("total").GetInt32());
        Assert.Equal(0, (await admin.GetJsonAsync($"/api/companies/{companyId}/invitations")).GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Managers_see_every_member_with_emails_and_employees_see_active_names_only()
    {
        var admin = await ApiSession.SignUpAsync(app, "Zed Admin");
        var (companyId, adminMembershipId) = await admin.CreateCompanyAsync();
        var url = $"/api/companies/{companyId}/memberships";
        var bea = await ApiSession.SignUpAsync(app, "Bea Manager");
        var twinA = await ApiSession.SignUpAsync(app, "Cy Twin");
        var twinB = await ApiSession.SignUpAsync(app, "Cy Twin");
        var gone = await ApiSession.SignUpAsync(app, "Al Gone");
        await admin.AddMemberAsync(companyId, bea, "MANAGER");
        var twinIds = new[] { await admin.AddMemberAsync(companyId, twinA), await admin.AddMemberAsync(companyId, twinB) };
        var goneId = await admin.AddMemberAsync(companyId, gone);
        Assert.Equal(HttpStatusCode.OK, (await admin.PatchAsync($"{url}/{goneId}", new { active = false })).StatusCode);

        // Managers: everyone, deactivated included, ordered by name then id, with e-mail, role, active and joinedOn.
        var managerView = await bea.GetJsonAsync(url);
        Assert.Equal(5, managerView.GetProperty("total").GetInt32());
        var items = managerView.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Al Gone", "Bea Manager", "Cy Twin", "Cy Twin", "Zed Admin"], items.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal(twinIds.Order(StringComparer.Ordinal), items.Skip(2).Take(2).Select(m => m.GetProperty("id").GetString()!));
        Assert.False(items[0].GetProperty("active").GetBoolean());
        Assert.Equal(gone.Email, items[0].GetProperty("email").GetString());
        Assert.Equal("MANAGER", items[1].GetProperty("role").GetString());
        Assert.Equal(adminMembershipId, items[4].GetProperty("id").GetString());
        Assert.True(DateOnly.TryParse(items[4].GetProperty("joinedOn").GetString(), out _));

        // Pages follow the same order.
        var second = await bea.GetJsonAsync($"{url}?page=2&pageSize=2");
        Assert.Equal(twinIds.Order(StringComparer.Ordinal), second.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("id").GetString()!));
        Assert.Equal(5, second.GetProperty("total").GetInt32());

        // Employees: the active team's names and roles, no e-mail.
        var employeeView = await twinA.GetJsonAsync(url);
        Assert.Equal(4, employeeView.GetProperty("total").GetInt32());
        var team = employeeView.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(["Bea Manager", "Cy Twin", "Cy Twin", "Zed Admin"], team.Select(m => m.GetProperty("name").GetString()));
        Assert.All(team, m =>
        {
            Assert.False(m.TryGetProperty("email", out _));
            Assert.False(m.TryGetProperty("active", out _));
            Assert.True(m.TryGetProperty("role", out _));
        });
        Assert.DoesNotContain("@", employeeView.ToString());

        await AuthFlowTests.Assert400WithField(await bea.Http.GetAsync($"{url}?pageSize=500"), "pageSize");
        // A deactivated member no longer sees the company at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await gone.Http.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task A_membership_is_read_by_managers_and_by_its_member_only()
    {
        var team = await CreateTeamAsync(app);
        var colleague = await ApiSession.SignUpAsync(app);
        await team.Admin.AddMemberAsync(team.CompanyId, colleague);
        var employeeUrl = team.Url($"/memberships/{team.EmployeeMembershipId}");

        Assert.Equal(team.Employee.Email, (await team.Manager.GetJsonAsync(employeeUrl)).GetProperty("email").GetString());
        Assert.Equal("EMPLOYEE", (await team.Employee.GetJsonAsync(employeeUrl)).GetProperty("role").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.Http.GetAsync(employeeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.GetAsync(team.Url($"/memberships/{team.ManagerMembershipId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Manager.Http.GetAsync(team.Url($"/memberships/{Guid.NewGuid()}"))).StatusCode);

        // A membership of another company is not found through this one.
        var other = await ApiSession.SignUpAsync(app);
        var (_, otherMembershipId) = await other.CreateCompanyAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.Http.GetAsync(team.Url($"/memberships/{otherMembershipId}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.PatchAsync(team.Url($"/memberships/{otherMembershipId}"), new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await team.Admin.Http.DeleteAsync(team.Url($"/memberships/{otherMembershipId}"))).StatusCode);
    }

    [Fact]
    public async Task Only_an_admin_changes_roles_and_a_promoted_manager_gains_manager_rights()
    {
        var team = await CreateTeamAsync(app);
        var employeeUrl = team.Url($"/memberships/{team.EmployeeMembershipId}");

        Assert.Equal(HttpStatusCode.Forbidden, (await team.Manager.PatchAsync(employeeUrl, new { role = "MANAGER" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.PatchAsync(employeeUrl, new { role = "ADMIN" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.GetAsync(team.Url("/invitations"))).StatusCode);

        var promoted = await team.Admin.PatchAsync(employeeUrl, new { role = "MANAGER" });
        Assert.Equal(HttpStatusCode.OK, promoted.StatusCode);
        Assert.Equal("MANAGER", (await promoted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("role").GetString());
        Assert.Equal("MANAGER", (await team.Employee.GetJsonAsync(team.Url())).GetProperty("userRole").GetString());
        Assert.Equal(HttpStatusCode.OK, (await team.Employee.Http.GetAsync(team.Url("/invitations"))).StatusCode);

        // The original Arkoa's POST on the same path does the same.
        var demoted = await team.Admin.Http.PostAsJsonAsync(employeeUrl, new { role = "EMPLOYEE" });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Equal("EMPLOYEE", (await team.Employee.GetJsonAsync(team.Url())).GetProperty("userRole").GetString());
    }

    [Theory]
    [InlineData("""{"role":"BOSS"}""", "role")]
    [InlineData("""{"active":"maybe"}""", "active")]
    [InlineData("""{"active":""", "body")]
    public async Task A_bad_membership_change_is_a_400_naming_the_field(string body, string field)
    {
        var team = await CreateTeamAsync(app);
        var url = team.Url($"/memberships/{team.EmployeeMembershipId}");
        var before = (await team.Admin.GetJsonAsync(url)).ToString();

        await AuthFlowTests.Assert400WithField(await team.Admin.Http.PatchAsync(url, Json(body)), field);
        Assert.Equal(before, (await team.Admin.GetJsonAsync(url)).ToString());
    }

    [Fact]
    public async Task A_deactivated_member_keeps_their_history_but_can_no_longer_act_in_the_company()
    {
        var team = await CreateTeamAsync(app);
        var employeeUrl = team.Url($"/memberships/{team.EmployeeMembershipId}");
        var monday = TestDates.FebruaryMondayNextYear();
        Assert.Equal(HttpStatusCode.Created, (await team.Employee.Http.PostAsJsonAsync($"{employeeUrl}/leaves",
            new { type = "UNPAID", startDate = monday.Iso(), endDate = monday.Iso() })).StatusCode);

        var response = await team.Manager.PatchAsync(employeeUrl, new { active = false });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.GetAsync(team.Url())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.GetAsync($"{employeeUrl}/leaves")).StatusCode);
        Assert.Equal(0, (await team.Employee.GetJsonAsync("/api/companies")).GetProperty("total").GetInt32());
        Assert.Equal(JsonValueKind.Null, (await team.Employee.GetJsonAsync("/api/auth/session")).GetProperty("user").GetProperty("activeMembershipId").ValueKind);
        // Managers still see what they did.
        Assert.Single(await team.Manager.LeavesAsync(team.CompanyId, team.EmployeeMembershipId));
        Assert.NotEmpty(await team.Manager.HistoryAsync(team.CompanyId, team.EmployeeMembershipId));

        Assert.Equal(HttpStatusCode.OK, (await team.Manager.PatchAsync(employeeUrl, new { active = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Employee.Http.GetAsync(team.Url())).StatusCode);
    }

    [Fact]
    public async Task A_manager_cannot_deactivate_or_remove_a_manager_or_an_admin()
    {
        var team = await CreateTeamAsync(app);
        var otherManager = await ApiSession.SignUpAsync(app);
        var otherManagerId = await team.Admin.AddMemberAsync(team.CompanyId, otherManager, "MANAGER");

        foreach (var target in new[] { otherManagerId, team.AdminMembershipId })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await team.Manager.PatchAsync(team.Url($"/memberships/{target}"), new { active = false })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await team.Manager.Http.DeleteAsync(team.Url($"/memberships/{target}"))).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.PatchAsync(team.Url($"/memberships/{team.EmployeeMembershipId}"), new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.DeleteAsync(team.Url($"/memberships/{team.EmployeeMembershipId}"))).StatusCode);
        Assert.Equal(4, (await team.Admin.GetJsonAsync(team.Url("/memberships"))).GetProperty("items").EnumerateArray().Count(m => m.GetProperty("active").GetBoolean()));

        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(team.Url($"/memberships/{otherManagerId}"), new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Admin.Http.DeleteAsync(team.Url($"/memberships/{otherManagerId}"))).StatusCode);
    }

    [Fact]
    public async Task Removing_a_member_deactivates_the_membership_and_keeps_its_leaves_balances_and_history()
    {
        var team = await CreateTeamAsync(app);
        var employeeUrl = team.Url($"/memberships/{team.EmployeeMembershipId}");
        var monday = TestDates.FebruaryMondayNextYear();
        Assert.Equal(HttpStatusCode.Created, (await team.Employee.Http.PostAsJsonAsync($"{employeeUrl}/leaves",
            new { type = "PAID", startDate = monday.Iso(), endDate = monday.Iso() })).StatusCode);
        var history = (await team.Manager.HistoryAsync(team.CompanyId, team.EmployeeMembershipId)).Count;
        const string balancesSql = "SELECT count(*) FROM leave_balances WHERE membership_id = $1";
        var balances = await ScalarAsync(app, balancesSql, Guid.Parse(team.EmployeeMembershipId));
        Assert.True(balances > 0);

        var response = await team.Manager.Http.DeleteAsync(employeeUrl);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var removed = await team.Manager.GetJsonAsync(employeeUrl);
        Assert.False(removed.GetProperty("active").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.GetAsync(team.Url())).StatusCode);
        Assert.Single(await team.Manager.LeavesAsync(team.CompanyId, team.EmployeeMembershipId));
        Assert.Equal(history, (await team.Manager.HistoryAsync(team.CompanyId, team.EmployeeMembershipId)).Count);
        Assert.Equal(1, await ScalarAsync(app, "SELECT count(*) FROM memberships WHERE id = $1", Guid.Parse(team.EmployeeMembershipId)));
        Assert.Equal(balances, await ScalarAsync(app, balancesSql, Guid.Parse(team.EmployeeMembershipId)));
        // Removing again changes nothing; the person comes back by reactivation, with everything they had.
        Assert.Equal(HttpStatusCode.NoContent, (await team.Manager.Http.DeleteAsync(employeeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await team.Manager.PatchAsync(employeeUrl, new { active = true })).StatusCode);
        Assert.Single(await team.Employee.LeavesAsync(team.CompanyId, team.EmployeeMembershipId));
    }

    [Fact]
    public async Task The_last_active_admin_can_be_neither_demoted_deactivated_nor_removed()
    {
        var team = await CreateTeamAsync(app);
        var adminUrl = team.Url($"/memberships/{team.AdminMembershipId}");

        Assert.Equal(HttpStatusCode.Conflict, (await team.Admin.PatchAsync(adminUrl, new { role = "MANAGER" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Admin.PatchAsync(adminUrl, new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Admin.Http.PostAsJsonAsync(adminUrl, new { role = "EMPLOYEE", active = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Admin.Http.DeleteAsync(adminUrl)).StatusCode);
        var admin = await team.Admin.GetJsonAsync(adminUrl);
        Assert.Equal("ADMIN", admin.GetProperty("role").GetString());
        Assert.True(admin.GetProperty("active").GetBoolean());

        // A deactivated admin does not count: the active one is still the last.
        var second = await ApiSession.SignUpAsync(app);
        var secondId = await team.Admin.AddMemberAsync(team.CompanyId, second, "ADMIN");
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(team.Url($"/memberships/{secondId}"), new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await team.Admin.PatchAsync(adminUrl, new { role = "EMPLOYEE" })).StatusCode);

        // With another active admin, that one may demote the first; then the second is the last.
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(team.Url($"/memberships/{secondId}"), new { active = true })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await second.PatchAsync(adminUrl, new { role = "EMPLOYEE" })).StatusCode);
        var last = await AccountTestKit.ProblemAsync(await second.Http.DeleteAsync(team.Url($"/memberships/{secondId}")), HttpStatusCode.Conflict);
        Assert.Equal("last-active-admin", last.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Nobody_changes_their_own_membership_not_even_an_admin_among_two_and_nothing_changes()
    {
        var team = await CreateTeamAsync(app);
        var second = await ApiSession.SignUpAsync(app);
        await team.Admin.AddMemberAsync(team.CompanyId, second, "ADMIN");
        var adminUrl = team.Url($"/memberships/{team.AdminMembershipId}");
        var managerUrl = team.Url($"/memberships/{team.ManagerMembershipId}");
        var before = (await team.Admin.GetJsonAsync(team.Url("/memberships"))).ToString();

        var refusals = new[]
        {
            await team.Admin.PatchAsync(adminUrl, new { role = "MANAGER" }),
            await team.Admin.PatchAsync(adminUrl, new { active = false }),
            await team.Admin.Http.PostAsJsonAsync(adminUrl, new { role = "EMPLOYEE" }),
            await team.Admin.Http.DeleteAsync(adminUrl),
            await team.Manager.PatchAsync(managerUrl, new { active = false }),
            await team.Manager.PatchAsync(managerUrl, new { role = "EMPLOYEE" }),
            await team.Manager.Http.DeleteAsync(managerUrl),
        };

        foreach (var refused in refusals)
        {
            var problem = await AccountTestKit.ProblemAsync(refused, HttpStatusCode.Forbidden);
            Assert.Equal("cannot-change-own-membership", problem.GetProperty("code").GetString());
            Assert.Equal("Ask another admin to change your own role or to deactivate you.", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(before, (await team.Admin.GetJsonAsync(team.Url("/memberships"))).ToString());
        Assert.Equal(2, await ScalarAsync(app, "SELECT count(*) FROM memberships WHERE company_id = $1 AND role = 'ADMIN' AND active", Guid.Parse(team.CompanyId)));
        // Asking for what already is changes nothing and is no refusal.
        Assert.Equal(HttpStatusCode.OK, (await team.Admin.PatchAsync(adminUrl, new { role = "ADMIN", active = true })).StatusCode);
    }

    [Fact]
    public async Task Allowed_actions_say_what_each_caller_may_do_with_each_membership_and_every_other_action_is_refused()
    {
        var team = await CreateTeamAsync(app);
        var second = await ApiSession.SignUpAsync(app, "Second Admin");
        var secondId = await team.Admin.AddMemberAsync(team.CompanyId, second, "ADMIN");
        var former = await ApiSession.SignUpAsync(app, "Former Employee");
        var formerId = await team.Admin.AddMemberAsync(team.CompanyId, former);
        Assert.Equal(HttpStatusCode.NoContent, (await team.Manager.Http.DeleteAsync(team.Url($"/memberships/{formerId}"))).StatusCode);

        string[] all = ["change-role", "deactivate", "reactivate"];
        var expected = new Dictionary<(ApiSession Caller, string Target), string[]>
        {
            [(team.Admin, team.AdminMembershipId)] = [],
            [(team.Admin, secondId)] = ["change-role", "deactivate"],
            [(team.Admin, team.ManagerMembershipId)] = ["change-role", "deactivate"],
            [(team.Admin, team.EmployeeMembershipId)] = ["change-role", "deactivate"],
            [(team.Admin, formerId)] = ["change-role", "reactivate"],
            [(team.Manager, team.AdminMembershipId)] = [],
            [(team.Manager, secondId)] = [],
            [(team.Manager, team.ManagerMembershipId)] = [],
            [(team.Manager, team.EmployeeMembershipId)] = ["deactivate"],
            [(team.Manager, formerId)] = ["reactivate"],
        };
        foreach (var caller in new[] { team.Admin, team.Manager })
        {
            var rows = (await caller.GetJsonAsync(team.Url("/memberships"))).GetProperty("items").EnumerateArray()
                .ToDictionary(m => m.GetProperty("id").GetString()!, Actions);
            Assert.Equal(5, rows.Count);
            foreach (var ((_, target), actions) in expected.Where(e => e.Key.Caller == caller))
            {
                Assert.Equal(actions, rows[target]);
                Assert.Equal(actions, Actions(await caller.GetJsonAsync(team.Url($"/memberships/{target}"))));
            }
        }

        // Each action left out is refused, and changes nothing (the allowed ones are proven by the tests above).
        var before = (await team.Admin.GetJsonAsync(team.Url("/memberships"))).ToString();
        string[] employees = [team.EmployeeMembershipId, formerId];
        foreach (var ((caller, target), actions) in expected)
        {
            var url = team.Url($"/memberships/{target}");
            foreach (var action in all.Except(actions))
            {
                var response = action switch
                {
                    "change-role" => await caller.PatchAsync(url, new { role = employees.Contains(target) ? "MANAGER" : "EMPLOYEE" }),
                    "deactivate" => await caller.PatchAsync(url, new { active = false }),
                    _ => await caller.PatchAsync(url, new { active = true }),
                };
                // Reactivating an active member (or deactivating a deactivated one) asks for what already is: no refusal, no change.
                var alreadySo = (action == "reactivate" && target != formerId) || (action == "deactivate" && target == formerId);
                if (alreadySo) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                else Assert.Contains(response.StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
            }
        }
        Assert.Equal(before, (await team.Admin.GetJsonAsync(team.Url("/memberships"))).ToString());

        // An employee, hostile or not, gets nothing to act on: no actions on their own membership, none in the team list.
        Assert.Empty(Actions(await team.Employee.GetJsonAsync(team.Url($"/memberships/{team.EmployeeMembershipId}"))));
        foreach (var colleague in (await team.Employee.GetJsonAsync(team.Url("/memberships"))).GetProperty("items").EnumerateArray())
        {
            Assert.False(colleague.TryGetProperty("allowedActions", out _));
        }
        foreach (var target in new[] { team.AdminMembershipId, team.ManagerMembershipId, team.EmployeeMembershipId })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.PatchAsync(team.Url($"/memberships/{target}"), new { role = "ADMIN" })).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await team.Employee.Http.DeleteAsync(team.Url($"/memberships/{target}"))).StatusCode);
        }
        Assert.Equal(before, (await team.Admin.GetJsonAsync(team.Url("/memberships"))).ToString());

        static string[] Actions(JsonElement membership) =>
            membership.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()!).ToArray();
    }

    [Fact]
    public async Task Two_admins_demoting_each_other_at_once_leave_exactly_one_admin()
    {
        // Several companies at once, so the two requests of each pair really race.
        var pairs = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            var first = await ApiSession.SignUpAsync(app);
            var (companyId, firstId) = await first.CreateCompanyAsync();
            var second = await ApiSession.SignUpAsync(app);
            var secondId = await first.AddMemberAsync(companyId, second, "ADMIN");
            return (companyId, first, firstId, second, secondId);
        }));

        var outcomes = await Task.WhenAll(pairs.Select(async p =>
        {
            var responses = await Task.WhenAll(
                p.first.PatchAsync($"/api/companies/{p.companyId}/memberships/{p.secondId}", new { role = "EMPLOYEE" }),
                p.second.PatchAsync($"/api/companies/{p.companyId}/memberships/{p.firstId}", new { role = "EMPLOYEE" }));
            return (responses, p);
        }));

        foreach (var (responses, p) in outcomes)
        {
            Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
            Assert.Contains(responses.Single(r => r.StatusCode != HttpStatusCode.OK).StatusCode, new[] { HttpStatusCode.Forbidden, HttpStatusCode.Conflict });
            var admins = await ScalarAsync(app, "SELECT count(*) FROM memberships WHERE company_id = $1 AND role = 'ADMIN' AND active", Guid.Parse(p.companyId));
            Assert.Equal(1, admins);
        }
    }

    [Theory]
    [InlineData("GET", "")]
    [InlineData("POST", "")]
    [InlineData("GET", "/00000000-0000-0000-0000-000000000002")]
    [InlineData("PATCH", "/00000000-0000-0000-0000-000000000002")]
    [InlineData("POST", "/00000000-0000-0000-0000-000000000002")]
    [InlineData("DELETE", "/00000000-0000-0000-0000-000000000002")]
    public async Task Without_a_session_every_membership_endpoint_is_a_401(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), $"/api/companies/00000000-0000-0000-0000-000000000001/memberships{path}")
        {
            Content = Json("""{"email":"a@b.test","role":"EMPLOYEE"}"""),
        };
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.Api().SendAsync(request)).StatusCode);
    }

    [Fact]
    public async Task A_member_of_another_company_is_forbidden_everywhere()
    {
        var team = await CreateTeamAsync(app);
        var stranger = await ApiSession.SignUpAsync(app);
        await stranger.CreateCompanyAsync(); // an admin, but of their own company
        var employeeUrl = team.Url($"/memberships/{team.EmployeeMembershipId}");
        var before = (await team.Admin.GetJsonAsync(team.Url("/memberships"))).ToString();

        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync(team.Url("/memberships"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.PostAsJsonAsync(team.Url("/memberships"), new { email = stranger.Email, role = "ADMIN" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync(employeeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.PatchAsync(employeeUrl, new { role = "ADMIN" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.PostAsJsonAsync(employeeUrl, new { active = false })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.DeleteAsync(employeeUrl)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.Http.GetAsync(team.Url("/invitations"))).StatusCode);
        Assert.Equal(before, (await team.Admin.GetJsonAsync(team.Url("/memberships"))).ToString());
    }
}
