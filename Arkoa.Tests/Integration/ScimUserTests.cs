using System.Net;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// SCIM users (issue 18), driven as Entra ID's and Okta's provisioning services drive them: look up, create, update,
/// deactivate, delete; a member's account is created without a usable password and proven by mail, an existing one
/// linked and never changed; every change raises the member webhooks and replays leave the same state.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class ScimUserTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    private const string Receiver = "https://hooks.example.com/arkoa";

    /// <summary>A company with a SCIM token and a webhook endpoint listening to members joining and leaving.</summary>
    private async Task<(TestCompany Company, TestWebhook Hook, TestScimClient Scim)> ProvisionedCompanyAsync()
    {
        var company = await TestCompany.CreateAsync(app);
        var hook = await company.CreateWebhookAsync(Receiver, "member.joined", "member.left");
        return (company, hook, await company.Admin.CreateScimTokenAsync(app, company.CompanyId));
    }

    [Fact]
    public async Task Entra_ids_provisioning_sequence_creates_updates_and_deactivates_a_member_once()
    {
        var (company, hook, scim) = await ProvisionedCompanyAsync();
        var userName = ApiSession.UniqueEmail("alex");

        // 1. Entra looks the user up first: nobody.
        var found = await scim.FindUserAsync(userName);
        Assert.Equal(0, found.GetProperty("totalResults").GetInt32());
        Assert.Empty(found.GetProperty("Resources").EnumerateArray());

        // 2. It creates them.
        var response = await scim.PostAsync(scim.Users(), ScimKit.EntraUser(userName, "entra-object-1"));
        var created = await ScimKit.AssertScimAsync(response, HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.Equal(scim.BaseUrl + "/Users/" + id, response.Headers.Location!.ToString());
        Assert.Equal(userName, created.GetProperty("userName").GetString());
        Assert.True(created.GetProperty("active").GetBoolean());
        Assert.Equal("entra-object-1", created.GetProperty("externalId").GetString());
        Assert.Equal("Alex", created.GetProperty("name").GetProperty("givenName").GetString());
        // The SCIM id is the membership, and the account is new: unproven, with a mailed link to choose a password.
        var membership = await company.Admin.GetJsonAsync(company.Url($"/memberships/{id}"));
        Assert.Equal(("Alex Martin", "EMPLOYEE", true), (membership.GetProperty("name").GetString(), membership.GetProperty("role").GetString(), membership.GetProperty("active").GetBoolean()));
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1 AND email_verified", userName));
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM outbox_messages WHERE kind = 'auth.reset-password' AND payload->>'to' = $1", userName));

        // 3. Found by userName (any case) and by externalId.
        Assert.Equal(id, (await scim.FindUserAsync(userName.ToUpperInvariant())).GetProperty("Resources")[0].GetProperty("id").GetString());
        var byExternalId = await scim.GetAsync(scim.Users($"?filter={Uri.EscapeDataString("externalId eq \"entra-object-1\"")}"));
        Assert.Equal(1, byExternalId.GetProperty("totalResults").GetInt32());

        // 4. Attribute changes, in Entra's shapes.
        var renamed = await ScimKit.AssertScimAsync(await scim.PatchAsync(scim.Users($"/{id}"), ScimKit.Patch(
            """{"op":"Replace","path":"name.givenName","value":"Alexandra"}""",
            """{"op":"Replace","path":"displayName","value":"Alexandra Martin"}""",
            """{"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Audit"}""",
            """{"op":"Replace","path":"emails[type eq \"work\"].value","value":"ignored@contoso.test"}""")), HttpStatusCode.OK);
        Assert.Equal("Alexandra Martin", renamed.GetProperty("displayName").GetString());
        Assert.Equal(userName, renamed.GetProperty("userName").GetString());

        // 5. Disabled in Entra: {"op":"Replace","path":"active","value":"False"}, sent twice (a retry) changes it once.
        var deactivate = ScimKit.Patch("""{"op":"Replace","path":"active","value":"False"}""");
        var first = await ScimKit.AssertScimAsync(await scim.PatchAsync(scim.Users($"/{id}"), deactivate), HttpStatusCode.OK);
        Assert.False(first.GetProperty("active").GetBoolean());
        var again = await ScimKit.AssertScimAsync(await scim.PatchAsync(scim.Users($"/{id}"), deactivate), HttpStatusCode.OK);
        Assert.False(again.GetProperty("active").GetBoolean());
        Assert.False(await ScimKit.MembershipActiveAsync(app, id));

        // 6. It reads the user back.
        var read = await scim.GetAsync(scim.Users($"/{id}"));
        Assert.False(read.GetProperty("active").GetBoolean());
        Assert.Equal("User", read.GetProperty("meta").GetProperty("resourceType").GetString());

        // The company's webhooks heard one join and one leave.
        var events = await WebhookKit.QueuedAsync(app, hook.Id);
        Assert.Equal(["member.joined", "member.left"], events.Select(e => e.EventType));
        Assert.All(events, e => Assert.Equal(Guid.Parse(id), e.OrderingKey));

        // A second create of the same userName is a conflict, as RFC 7644 §3.3 says; nothing new appears.
        await (await scim.PostAsync(scim.Users(), ScimKit.EntraUser(userName, "entra-object-1"))).AssertScimErrorAsync(HttpStatusCode.Conflict, "uniqueness");
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1", userName));
        Assert.Equal(2, (await WebhookKit.QueuedAsync(app, hook.Id)).Count);
    }

    [Fact]
    public async Task Oktas_provisioning_sequence_creates_replaces_deactivates_and_reactivates()
    {
        var (company, hook, scim) = await ProvisionedCompanyAsync();
        var userName = ApiSession.UniqueEmail("sam");

        Assert.Equal(0, (await scim.FindUserAsync(userName)).GetProperty("totalResults").GetInt32());
        var created = await ScimKit.AssertScimAsync(await scim.PostAsync(scim.Users(), ScimKit.OktaUser(userName)), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        // Okta sends a password: Arkoa never sets one through SCIM.
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM outbox_messages WHERE kind = 'auth.reset-password' AND payload->>'to' = $1", userName));

        // Okta updates a profile with PUT.
        var replaced = await ScimKit.AssertScimAsync(await scim.PutAsync(scim.Users($"/{id}"), ScimKit.OktaUser(userName, "Samantha", "Okta")), HttpStatusCode.OK);
        Assert.Equal("Samantha Okta", replaced.GetProperty("displayName").GetString());
        Assert.Equal("Samantha", replaced.GetProperty("name").GetProperty("givenName").GetString());

        // And deactivates with a path-less replace.
        var off = await ScimKit.AssertScimAsync(await scim.PatchAsync(scim.Users($"/{id}"),
            ScimKit.Patch("""{"op":"replace","value":{"active":false}}""")), HttpStatusCode.OK);
        Assert.False(off.GetProperty("active").GetBoolean());
        var on = await ScimKit.AssertScimAsync(await scim.PatchAsync(scim.Users($"/{id}"),
            ScimKit.Patch("""{"op":"replace","value":{"active":true}}""")), HttpStatusCode.OK);
        Assert.True(on.GetProperty("active").GetBoolean());
        Assert.True(await ScimKit.MembershipActiveAsync(app, id));
        Assert.Equal(["member.joined", "member.left", "member.joined"], (await WebhookKit.QueuedAsync(app, hook.Id)).Select(e => e.EventType));
    }

    [Fact]
    public async Task Delete_deactivates_keeps_the_history_answers_404_after_and_a_new_create_brings_the_same_member_back()
    {
        var company = await TestCompany.CreateAsync(app);
        var scim = await company.Admin.CreateScimTokenAsync(app, company.CompanyId);
        var userName = ApiSession.UniqueEmail("gone");
        var id = (await ScimKit.AssertScimAsync(await scim.PostAsync(scim.Users(), ScimKit.EntraUser(userName, "x-1")), HttpStatusCode.Created))
            .GetProperty("id").GetString()!;

        Assert.Equal(HttpStatusCode.NoContent, (await scim.SendAsync(HttpMethod.Delete, scim.Users($"/{id}"))).StatusCode);
        Assert.False(await ScimKit.MembershipActiveAsync(app, id));
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM leave_balances WHERE membership_id = $1 AND type = 'PAID'", Guid.Parse(id)));
        await (await scim.Http.GetAsync(scim.Users($"/{id}"))).AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        await (await scim.SendAsync(HttpMethod.Delete, scim.Users($"/{id}"))).AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        Assert.Equal(0, (await scim.FindUserAsync(userName)).GetProperty("totalResults").GetInt32());
        // The company still sees the member, deactivated.
        Assert.False((await company.Admin.GetJsonAsync(company.Url($"/memberships/{id}"))).GetProperty("active").GetBoolean());

        var back = await ScimKit.AssertScimAsync(await scim.PostAsync(scim.Users(), ScimKit.EntraUser(userName, "x-1")), HttpStatusCode.Created);
        Assert.Equal(id, back.GetProperty("id").GetString());
        Assert.True(await ScimKit.MembershipActiveAsync(app, id));
    }

    [Fact]
    public async Task An_existing_account_of_another_company_is_linked_never_renamed_nor_readdressed_and_the_other_company_stays_unseen()
    {
        var other = await TestCompany.CreateAsync(app);
        var (person, otherMembershipId) = await other.AddMemberAsync(app, name: "Pat Elsewhere");
        var company = await TestCompany.CreateAsync(app);
        var scim = await company.Admin.CreateScimTokenAsync(app, company.CompanyId);

        var created = await ScimKit.AssertScimAsync(await scim.PostAsync(scim.Users(), ScimKit.EntraUser(person.Email, "p-1")), HttpStatusCode.Created);
        var id = created.GetProperty("id").GetString()!;
        Assert.NotEqual(otherMembershipId, id);
        Assert.NotEqual(person.UserId, id);
        Assert.Equal("Pat Elsewhere", created.GetProperty("displayName").GetString());
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1", person.Email));
        // A proven account needs no new proof: no mail, its password and sessions stay.
        Assert.Equal(0, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM outbox_messages WHERE kind = 'auth.reset-password' AND payload->>'to' = $1", person.Email));
        Assert.Equal(HttpStatusCode.OK, (await person.Http.GetAsync("/api/auth/session")).StatusCode);

        var renamed = await ScimKit.AssertScimAsync(await scim.PatchAsync(scim.Users($"/{id}"),
            ScimKit.Patch("""{"op":"Replace","path":"displayName","value":"Someone Else"}""", """{"op":"Replace","path":"name.givenName","value":"Someone"}""")),
            HttpStatusCode.OK);
        Assert.Equal("Pat Elsewhere", renamed.GetProperty("displayName").GetString());
        var readdressed = ScimKit.Patch($$"""{"op":"Replace","path":"userName","value":"{{ApiSession.UniqueEmail("thief")}}"}""");
        var detail = await (await scim.PatchAsync(scim.Users($"/{id}"), readdressed)).AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        Assert.Contains("e-mail address", detail, StringComparison.Ordinal);
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM users WHERE email = $1", person.Email));

        // The other company's membership is no user of this one.
        await (await scim.Http.GetAsync(scim.Users($"/{otherMembershipId}"))).AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        await (await scim.PatchAsync(scim.Users($"/{otherMembershipId}"), ScimKit.Patch("""{"op":"Replace","path":"active","value":"False"}""")))
            .AssertScimErrorAsync(HttpStatusCode.NotFound, null);
        Assert.True(await ScimKit.MembershipActiveAsync(app, otherMembershipId));
        var listed = await scim.GetAsync(scim.Users());
        Assert.DoesNotContain(otherMembershipId, listed.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unproven_account_with_the_address_is_taken_back_from_whoever_signed_up_with_it()
    {
        var squatter = await ApiSession.SignUpUnverifiedAsync(app, "Squatter", ApiSession.UniqueEmail("victim"));
        var hashBefore = await AccountTestKit.ScalarAsync<string>(await app.DatabaseConnectionStringAsync(),
            "SELECT password_hash FROM users WHERE email = @e", ("e", squatter.Email));
        Assert.Equal(HttpStatusCode.OK, (await squatter.Http.GetAsync("/api/auth/session")).StatusCode);
        var company = await TestCompany.CreateAsync(app);
        var scim = await company.Admin.CreateScimTokenAsync(app, company.CompanyId);

        await ScimKit.AssertScimAsync(await scim.PostAsync(scim.Users(), ScimKit.EntraUser(squatter.Email, "v-1")), HttpStatusCode.Created);

        // The squatter's password and session no longer open it; the address's owner gets the link that proves it.
        var hashAfter = await AccountTestKit.ScalarAsync<string>(await app.DatabaseConnectionStringAsync(),
            "SELECT password_hash FROM users WHERE email = @e", ("e", squatter.Email));
        Assert.NotEqual(hashBefore, hashAfter);
        Assert.Equal(HttpStatusCode.Unauthorized, (await squatter.Http.GetAsync("/api/auth/session")).StatusCode);
        Assert.Equal(1, await CompanyTestKit.ScalarAsync(app, "SELECT count(*) FROM outbox_messages WHERE kind = 'auth.reset-password' AND payload->>'to' = $1", squatter.Email));
    }

    [Fact]
    public async Task The_last_active_admin_is_never_deactivated_and_roles_never_change()
    {
        var company = await TestCompany.CreateAsync(app);
        var scim = await company.Admin.CreateScimTokenAsync(app, company.CompanyId);
        var admin = (await scim.FindUserAsync(company.Admin.Email)).GetProperty("Resources")[0].GetProperty("id").GetString()!;
        Assert.Equal(company.AdminMembershipId, admin);

        await (await scim.PatchAsync(scim.Users($"/{admin}"), ScimKit.Patch("""{"op":"Replace","path":"active","value":"False"}""")))
            .AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        await (await scim.SendAsync(HttpMethod.Delete, scim.Users($"/{admin}"))).AssertScimErrorAsync(HttpStatusCode.BadRequest, "mutability");
        Assert.True(await ScimKit.MembershipActiveAsync(app, admin));

        // A roles attribute is not Arkoa's: the member stays an EMPLOYEE.
        var id = (await ScimKit.AssertScimAsync(await scim.PostAsync(scim.Users(), ScimKit.EntraUser(ApiSession.UniqueEmail("r"), "r-1")), HttpStatusCode.Created))
            .GetProperty("id").GetString()!;
        await ScimKit.AssertScimAsync(await scim.PatchAsync(scim.Users($"/{id}"),
            ScimKit.Patch("""{"op":"Add","path":"roles","value":[{"value":"ADMIN","primary":true}]}""")), HttpStatusCode.OK);
        Assert.Equal("EMPLOYEE", (await company.Admin.GetJsonAsync(company.Url($"/memberships/{id}"))).GetProperty("role").GetString());
    }

    [Fact]
    public async Task Lists_page_with_start_index_and_count()
    {
        var company = await TestCompany.CreateAsync(app);
        var scim = await company.Admin.CreateScimTokenAsync(app, company.CompanyId);
        for (var i = 0; i < 3; i++) await ScimKit.AssertScimAsync(await scim.PostAsync(scim.Users(), ScimKit.OktaUser(ApiSession.UniqueEmail("p"))), HttpStatusCode.Created);

        var page = await scim.GetAsync(scim.Users("?startIndex=2&count=2"));
        Assert.Equal((4, 2, 2), (page.GetProperty("totalResults").GetInt32(), page.GetProperty("startIndex").GetInt32(), page.GetProperty("itemsPerPage").GetInt32()));
        var all = await scim.GetAsync(scim.Users("?count=1000"));
        Assert.Equal(4, all.GetProperty("Resources").GetArrayLength());
        Assert.Equal(page.GetProperty("Resources")[0].GetProperty("id").GetString(), all.GetProperty("Resources")[1].GetProperty("id").GetString());
        Assert.Equal(0, (await scim.GetAsync(scim.Users("?count=0"))).GetProperty("Resources").GetArrayLength());
    }
}
