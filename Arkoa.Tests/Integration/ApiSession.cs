using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// A user signed up through the real Api, with an HttpClient carrying the bearer token of a session they opened by
/// signing in (sign-up opens none). <see cref="SignUpAsync"/> users have their address confirmed, as anyone must to
/// create a company, invite or join one.
/// </summary>
public sealed record ApiSession(HttpClient Http, string UserId, string Email, string Password, string Token)
{
    /// <summary>The Api the user lives in: the kits read and set the raw tokens of mails in its database.</summary>
    public IArkoaApi? App { get; init; }

    public static string UniqueEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.test";

    /// <summary>A password with nothing guessable in it (no word, name or e-mail), different for every kit user.</summary>
    public static string StrongPassword() => $"Kq{Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant()} 7z";

    /// <summary>
    /// A verified account with a session opened by signing in through the Api. The account itself is seeded
    /// (<see cref="SeededAccounts"/>): most tests need "some verified user", not a sign-up. Tests of sign-up and
    /// verification use <see cref="SignUpThroughApiAsync"/> or <see cref="SignUpUnverifiedAsync"/>.
    /// </summary>
    public static async Task<ApiSession> SignUpAsync(IArkoaApi app, string name = "Test User")
    {
        var email = UniqueEmail();
        await SeededAccounts.AddAsync(await app.DatabaseConnectionStringAsync(), name, email);
        return await SignInAsync(app, email, SeededAccounts.Password);
    }

    /// <summary>Signs up through the Api, confirms the address and signs in: the real flow, step by step.</summary>
    public static async Task<ApiSession> SignUpThroughApiAsync(IArkoaApi app, string name = "Test User")
    {
        var session = await SignUpUnverifiedAsync(app, name);
        await session.ConfirmEmailAsync();
        return session;
    }

    /// <summary>Signs up (202, no session) and signs in, leaving the address unconfirmed.</summary>
    public static async Task<ApiSession> SignUpUnverifiedAsync(
        IArkoaApi app, string name = "Test User", string? email = null, string? password = null)
    {
        email ??= UniqueEmail();
        password ??= StrongPassword();
        var response = await app.Api().PostAsJsonAsync("/api/auth/sign-up", new { name, email, password });
        Assert.Equal(System.Net.HttpStatusCode.Accepted, response.StatusCode);
        return await SignInAsync(app, email, password);
    }

    /// <summary>A new session of an existing account, opened by signing in.</summary>
    public static async Task<ApiSession> SignInAsync(IArkoaApi app, string email, string password)
    {
        var response = await app.Api().PostAsJsonAsync("/api/auth/sign-in", new { email, password });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<SignInAnswer>())!;
        var authenticated = app.Api();
        authenticated.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.Token);
        return new ApiSession(authenticated, body.User.Id, email, password, body.Token) { App = app };
    }

    /// <summary>
    /// Confirms the address through the Api's verification endpoint, with a token the kit gives the latest verification
    /// link rather than waiting for its mail (the tests of the mail itself follow the real one).
    /// </summary>
    public async Task ConfirmEmailAsync()
    {
        var app = App ?? throw new InvalidOperationException("This session was not made by the kits: it has no AppHost.");
        var token = await AccountTestKit.KnownVerificationTokenAsync(await app.DatabaseConnectionStringAsync(), Email);
        var response = await app.Api().PostAsJsonAsync("/api/auth/verify-email", new { token });
        Assert.Equal(System.Net.HttpStatusCode.NoContent, response.StatusCode);
    }

    /// <summary>Creates a company (the caller becomes its ADMIN); returns (companyId, membershipId).</summary>
    public async Task<(string CompanyId, string MembershipId)> CreateCompanyAsync(int annualLeaveDays = 25)
    {
        var response = await Http.PostAsJsonAsync("/api/companies", new { name = $"Company {Guid.NewGuid():N}", annualLeaveDays });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var company = (await response.Content.ReadFromJsonAsync<CreatedCompany>())!;
        return (company.Id, company.UserMembershipId);
    }

    public async Task<decimal> BalanceAsync(string companyId, string membershipId, string type)
    {
        var balances = await Http.GetFromJsonAsync<List<BalanceRow>>($"/api/companies/{companyId}/memberships/{membershipId}/leave-balances");
        return balances!.Single(b => b.Type == type).RemainingDays;
    }

    public async Task<List<JsonElement>> HistoryAsync(string companyId, string membershipId)
    {
        var page = await Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/memberships/{membershipId}/leave-balance-history");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public async Task<List<JsonElement>> LeavesAsync(string companyId, string membershipId)
    {
        var page = await Http.GetFromJsonAsync<JsonElement>($"/api/companies/{companyId}/memberships/{membershipId}/leaves");
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    public async Task CreditAsync(string companyId, string membershipId, string type, decimal days)
    {
        var response = await Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships/{membershipId}/leave-balances",
            new { type, change = days, reason = "Test credit", historyType = "MANUEL_CREDIT" });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }
}
