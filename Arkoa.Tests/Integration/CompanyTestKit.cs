using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>Helpers of the company, member and invitation tests.</summary>
public static partial class CompanyTestKit
{
    /// <summary>The password of <see cref="SignUpAsAsync"/> users: nothing guessable in it.</summary>
    public const string Password = "iv7q Tarnbexo 58wz";

    public static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    /// <summary>
    /// Signs up with a chosen e-mail (an invited one, say), confirms it and signs in, returning a session like
    /// <see cref="ApiSession.SignUpAsync"/>.
    /// </summary>
    public static async Task<ApiSession> SignUpAsAsync(IArkoaApi app, string email, string name = "Invited User")
    {
        var session = await ApiSession.SignUpUnverifiedAsync(app, name, email, Password);
        await session.ConfirmEmailAsync();
        return session;
    }

    /// <summary>
    /// Makes <paramref name="member"/> a member the one way the Api allows: the manager invites their address and they
    /// accept, with a token the kit gives the invitation rather than waiting for its mail. Returns the new membership's id.
    /// </summary>
    public static async Task<string> AddMemberAsync(this ApiSession manager, string companyId, ApiSession member, string role = "EMPLOYEE")
    {
        var response = await manager.Http.PostAsJsonAsync($"/api/companies/{companyId}/memberships", new { email = member.Email, role });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var app = member.App ?? manager.App ?? throw new InvalidOperationException("Neither session was made by the kits.");
        var token = await AccountTestKit.KnownInvitationTokenAsync(await app.DatabaseConnectionStringAsync(), companyId, member.Email);
        var accepted = await member.Http.PostAsync($"/api/invitations/{Uri.EscapeDataString(token)}/accept", null);
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        return (await accepted.Content.ReadFromJsonAsync<Created>())!.Id;
    }

    /// <summary>
    /// Signs up another user and makes them an ADMIN of the company: nobody adjusts their own balance (separation of
    /// duties), so a test whose only admin needs days on their own balance has a second admin credit them.
    /// </summary>
    public static async Task<ApiSession> AnotherAdminAsync(this IArkoaApi app, ApiSession admin, string companyId)
    {
        var other = await ApiSession.SignUpAsync(app, "Second Admin");
        await admin.AddMemberAsync(companyId, other, "ADMIN");
        return other;
    }

    public static async Task<Team> CreateTeamAsync(IArkoaApi app, int annualLeaveDays = 25)
    {
        var admin = await ApiSession.SignUpAsync(app, "Admin User");
        var (companyId, adminMembershipId) = await admin.CreateCompanyAsync(annualLeaveDays);
        var manager = await ApiSession.SignUpAsync(app, "Manager User");
        var employee = await ApiSession.SignUpAsync(app, "Employee User");
        var managerMembershipId = await admin.AddMemberAsync(companyId, manager, "MANAGER");
        var employeeMembershipId = await admin.AddMemberAsync(companyId, employee);
        return new Team(companyId, admin, adminMembershipId, manager, managerMembershipId, employee, employeeMembershipId);
    }

    public static async Task<JsonElement> GetJsonAsync(this ApiSession session, string url)
    {
        var response = await session.Http.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>PATCH with a JSON body (HttpClient has no PatchAsJsonAsync for raw text).</summary>
    public static Task<HttpResponseMessage> PatchAsync(this ApiSession session, string url, object body) =>
        session.Http.PatchAsync(url, JsonContent.Create(body));

    /// <summary>One number from the database, for checks the Api does not expose (rows left after a cascade).</summary>
    public static async Task<long> ScalarAsync(IArkoaApi app, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    /// <summary>The PAID days a member joining today gets: annual × remaining months / 12, to the half day (Europe/Paris).</summary>
    public static decimal InitialPaidDays(int annualLeaveDays)
    {
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTime.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")));
        return Math.Round(annualLeaveDays * (13 - today.Month) / 12m * 2, MidpointRounding.AwayFromZero) / 2;
    }

    /// <summary>
    /// Waits until <paramref name="count"/> invitation mails reached <paramref name="email"/> (other mails, such as
    /// the sign-up verification, are skipped) and returns the token each one carries.
    /// </summary>
    public static async Task<List<string>> InvitationTokensAsync(ArkoaAppFixture app, string email, int count = 1)
    {
        var inbox = app.Inbox();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var tokens = new List<string>();
            foreach (var mail in await inbox.WaitForAsync(email, timeout: deadline - DateTime.UtcNow))
            {
                var match = InvitationLink().Match(await inbox.PlainTextAsync(mail.Id));
                if (match.Success) tokens.Add(Uri.UnescapeDataString(match.Groups["token"].Value));
            }
            if (tokens.Count >= count || DateTime.UtcNow > deadline)
            {
                Assert.Equal(count, tokens.Count);
                return tokens;
            }
            await Task.Delay(250);
        }
    }

    [GeneratedRegex(@"/invitations/(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex InvitationLink();
}
