using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Arkoa.Core.Security;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>Helpers of the account and security tests: clients with a chosen client IP, mail links, direct SQL setup.</summary>
internal static partial class AccountTestKit
{
    public const string NewPassword = "brand new pass 77";

    /// <summary>An address from the IPv6 documentation range: only ever sent as a header, never contacted.</summary>
    public static string RandomClientIp() => $"2001:db8::{Random.Shared.Next(1, 0xffff):x}:{Random.Shared.Next(1, 0xffff):x}";

    /// <summary>
    /// The Web's key to the Api (the AppHost's "web-key" secret parameter), which the test fixtures set: only a call
    /// that carries it may say which client it is made for.
    /// </summary>
    public static readonly string WebKey = $"test-web-key-{Guid.NewGuid():N}";

    /// <summary>
    /// The PBKDF2 work factor of the test fixtures' Api (PasswordHasher:IterationCount, allowed in Development only).
    /// The suite signs in thousands of times; at OWASP's 210,000 iterations each sign-in costs 150–350 ms of CPU on this
    /// 2-core machine, minutes in all. The same hashing code runs; <see cref="PasswordHashTests"/> keeps the production factor.
    /// </summary>
    public const int HashIterations = 1_000;

    /// <summary>The wait after a first wrong password in the test fixtures (RateLimits:SignInFirstDelay).</summary>
    public static readonly TimeSpan SignInFirstDelay = TimeSpan.FromSeconds(10);

    /// <summary>A client whose requests claim to come from <paramref name="ip"/>, proven as the Web proves what it says of its browsers.</summary>
    public static HttpClient From(this HttpClient http, string ip)
    {
        http.DefaultRequestHeaders.Remove("X-Forwarded-For");
        http.DefaultRequestHeaders.Add("X-Forwarded-For", ip);
        http.DefaultRequestHeaders.Remove("X-Arkoa-Web-Key");
        http.DefaultRequestHeaders.Add("X-Arkoa-Web-Key", WebKey);
        return http;
    }

    public static HttpClient WithToken(this HttpClient http, string token)
    {
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    public static Task<HttpResponseMessage> SignInAsync(HttpClient http, string email, string password) =>
        http.PostAsJsonAsync("/api/auth/sign-in", new { email, password });

    public static async Task<string> SignInTokenAsync(HttpClient http, string email, string password)
    {
        var response = await SignInAsync(http, email, password);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<SignInAnswer>())!.Token;
    }

    /// <summary>Waits for a mail to <paramref name="recipient"/> with <paramref name="subject"/>; returns its link to <paramref name="page"/> and its text.</summary>
    public static async Task<(Uri Link, string Token, string Text)> WaitForLinkAsync(
        SmtpInbox inbox, string recipient, string subject, string page)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var mail = (await inbox.ListAsync()).FirstOrDefault(m =>
                m.Subject == subject && m.To.Any(t => t.Contains(recipient, StringComparison.OrdinalIgnoreCase)));
            if (mail is not null)
            {
                var text = await inbox.PlainTextAsync(mail.Id);
                var match = Link().Matches(text).FirstOrDefault(m => m.Groups["page"].Value == page);
                Assert.True(match is not null, $"No /{page} link in the mail: {text}");
                var link = new Uri(match.Value);
                return (link, Uri.UnescapeDataString(match.Groups["token"].Value), text);
            }
            Assert.True(DateTime.UtcNow < deadline, $"No mail '{subject}' to {recipient} within 60 s.");
            await Task.Delay(250);
        }
    }

    /// <summary>
    /// A token that works as the link of the newest verification mail of <paramref name="email"/>'s account: the kits
    /// give that mail's token row a value they know rather than wait for the Worker and smtp4dev (the mail's own token
    /// cannot be read back: the Worker blanks a payload once sent). The tests of the mails themselves follow the real ones.
    /// </summary>
    public static async Task<string> KnownVerificationTokenAsync(string? connectionString, string email)
    {
        var token = SecureToken.Create();
        Assert.Equal(1, await ExecuteSqlAsync(connectionString, """
            UPDATE user_tokens SET token_hash = @hash
            WHERE id = (SELECT t.id FROM user_tokens t JOIN users u ON u.id = t.user_id
                        WHERE u.email = lower(@email) AND t.purpose = 'VERIFY_EMAIL' AND t.used_at IS NULL
                        ORDER BY t.created_at DESC, t.id DESC LIMIT 1)
            """, ("hash", SecureToken.Hash(token)), ("email", email.Trim())));
        return token;
    }

    /// <summary>A token that works as the link of the open invitation of <paramref name="email"/> to the company (see above).</summary>
    public static async Task<string> KnownInvitationTokenAsync(string? connectionString, string companyId, string email)
    {
        var token = SecureToken.Create();
        Assert.Equal(1, await ExecuteSqlAsync(connectionString, """
            UPDATE invitations SET token_hash = @hash
            WHERE company_id = @company AND email = lower(@email) AND accepted_at IS NULL
            """, ("hash", SecureToken.Hash(token)), ("company", Guid.Parse(companyId)), ("email", email.Trim())));
        return token;
    }

    /// <summary>Every web address a mail's text holds, in order.</summary>
    public static List<Uri> LinksIn(string text) => AnyLink().Matches(text).Select(m => new Uri(m.Value)).ToList();

    public static async Task<int> ExecuteSqlAsync(string? connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return await command.ExecuteNonQueryAsync();
    }

    public static async Task<T?> ScalarAsync<T>(string? connectionString, string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return (T?)await command.ExecuteScalarAsync();
    }

    public static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [GeneratedRegex(@"https?://[^\s/]+/(?<page>[a-z\-]+)\?token=(?<token>[A-Za-z0-9_\-%]+)")]
    private static partial Regex Link();

    [GeneratedRegex(@"https?://[^\s<>""]+")]
    private static partial Regex AnyLink();
}

/// <summary>A browser without JavaScript: a cookie jar, GET a page, post its form back with the antiforgery token.</summary>
internal static partial class WebForms
{
    /// <summary>
    /// A page's HTML without the break opportunities (&lt;wbr&gt;) set inside e-mail addresses, so a sentence naming an
    /// address reads as the person sees it.
    /// </summary>
    public static string WithoutWrapHints(string html) => html.Replace("<wbr>", "", StringComparison.Ordinal).Replace("<wbr />", "", StringComparison.Ordinal);

    /// <summary>A browser without JavaScript whose user reads English (the Web's default is French).</summary>
    public static HttpClient Browser(Uri baseAddress, CookieContainer? cookies = null, bool followRedirects = true)
    {
        var browser = new HttpClient(new HttpClientHandler { CookieContainer = cookies ?? new CookieContainer(), AllowAutoRedirect = followRedirects })
        {
            BaseAddress = baseAddress,
        };
        browser.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return browser;
    }

    public static async Task<HttpResponseMessage> PostFormAsync(
        HttpClient browser, string path, string formName, Dictionary<string, string> fields)
    {
        var page = await browser.GetStringAsync(path);
        var token = AntiforgeryToken().Match(page).Groups["token"].Value;
        Assert.False(string.IsNullOrEmpty(token), $"No antiforgery token on {path}");
        fields["_handler"] = formName;
        fields["__RequestVerificationToken"] = token;
        return await browser.PostAsync(path, new FormUrlEncodedContent(fields));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
