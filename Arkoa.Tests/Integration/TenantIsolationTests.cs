using System.Net;
using System.Net.Http.Json;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Every company-scoped route refuses a member of another company (403, or 404 where existence must not leak), and
/// every response, whatever its status, carries the security headers. Add new routes to <see cref="CompanyRoutes"/>.
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class TenantIsolationTests(InProcessApi app) : IClassFixture<InProcessApi>
{
    /// <summary>A route in company {c}, for its membership {m}; the body is valid so only scoping can refuse it.</summary>
    public sealed record Route(string Method, string Path, object? Body = null)
    {
        public HttpRequestMessage Request(string companyId, string membershipId)
        {
            var request = new HttpRequestMessage(new HttpMethod(Method), Path.Replace("{c}", companyId).Replace("{m}", membershipId));
            if (Body is not null) request.Content = JsonContent.Create(Body);
            return request;
        }

        public override string ToString() => $"{Method} {Path}";
    }

    public static readonly Route[] CompanyRoutes =
    [
        new("GET", "/api/companies/{c}"),
        new("GET", "/api/companies/{c}/memberships/{m}/leaves"),
        new("POST", "/api/companies/{c}/memberships/{m}/leaves", new { type = "SICK", startDate = "2099-03-02", endDate = "2099-03-02" }),
        new("GET", "/api/companies/{c}/memberships/{m}/leave-balances"),
        new("POST", "/api/companies/{c}/memberships/{m}/leave-balances",
            new { type = "PAID", change = 5, reason = "Cross-tenant attempt", historyType = "MANUEL_CREDIT" }),
        new("GET", "/api/companies/{c}/memberships/{m}/leave-balance-history"),
        new("GET", "/api/users/company-role?companyId={c}"),
    ];

    public static TheoryData<string> RouteNames() => new(CompanyRoutes.Select(r => r.ToString()));

    [Theory]
    [MemberData(nameof(RouteNames))]
    public async Task A_member_of_another_company_is_refused_and_changes_nothing(string route)
    {
        var target = CompanyRoutes.Single(r => r.ToString() == route);
        var owner = await ApiSession.SignUpAsync(app, "Owner B");
        var (companyB, membershipB) = await owner.CreateCompanyAsync();
        var intruder = await ApiSession.SignUpAsync(app, "Intruder A");
        var (companyA, _) = await intruder.CreateCompanyAsync();
        var balanceBefore = await owner.BalanceAsync(companyB, membershipB, "PAID");

        // Company B's own ids: refused outright.
        var direct = await intruder.Http.SendAsync(target.Request(companyB, membershipB));
        Assert.True(direct.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{route}: {(int)direct.StatusCode}");
        Assert.DoesNotContain(owner.Email, await direct.Content.ReadAsStringAsync());

        if (target.Path.Contains("{m}", StringComparison.Ordinal))
        {
            // B's membership under the intruder's own company, where the intruder is admin: the ids do not belong together.
            var mixed = await intruder.Http.SendAsync(target.Request(companyA, membershipB));
            var body = await mixed.Content.ReadAsStringAsync();
            Assert.True(mixed.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{route} (mixed ids): {(int)mixed.StatusCode}");
            Assert.DoesNotContain(owner.Email, body);
        }

        Assert.Equal(balanceBefore, await owner.BalanceAsync(companyB, membershipB, "PAID"));
        Assert.Empty(await owner.LeavesAsync(companyB, membershipB));
    }

    [Fact]
    public async Task Every_api_response_carries_the_security_headers()
    {
        var user = await ApiSession.SignUpAsync(app);
        var (companyId, membershipId) = await user.CreateCompanyAsync();
        var anonymous = app.Api();

        var requests = new List<(HttpClient Client, Func<HttpRequestMessage> Request)>();
        foreach (var route in CompanyRoutes)
        {
            requests.Add((user.Http, () => route.Request(companyId, membershipId)));
            requests.Add((anonymous, () => route.Request(companyId, membershipId)));
        }
        foreach (var path in new[] { "/api/auth/session", "/api/users/me/export", "/api/health", "/api/nowhere", "/health", "/alive", "/metrics" })
        {
            requests.Add((user.Http, () => new HttpRequestMessage(HttpMethod.Get, path)));
        }
        foreach (var path in new[] { "/api/auth/sign-in", "/api/auth/sign-up", "/api/auth/forgot-password", "/api/auth/reset-password",
                     "/api/auth/verify-email", "/api/auth/change-password", "/api/auth/sign-out" })
        {
            // An empty body: every one of them answers a 4xx, which must carry the headers as much as a 200.
            requests.Add((anonymous, () => new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(new { }) }));
        }
        requests.Add((user.Http, () => new HttpRequestMessage(HttpMethod.Patch, "/api/users/me") { Content = new StringContent("{broken", System.Text.Encoding.UTF8, "application/json") }));

        foreach (var (client, request) in requests)
        {
            using var message = request();
            var description = $"{message.Method} {message.RequestUri}";
            var response = await client.SendAsync(message);
            AssertSecurityHeaders(response, description, "default-src 'none'");
            // Private data is never stored by a cache, unless the endpoint revalidates it as private (calendar, logo).
            var cacheControl = response.Headers.CacheControl;
            Assert.True(cacheControl is { NoStore: true } or { Private: true }, $"Cache-Control of {description}: {cacheControl}");
        }
    }

    internal static void AssertSecurityHeaders(HttpResponseMessage response, string what, string cspStart)
    {
        string Header(string name) =>
            response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : $"(no {name} on {what}: {(int)response.StatusCode})";
        Assert.Equal("nosniff", Header("X-Content-Type-Options"));
        Assert.Equal("DENY", Header("X-Frame-Options"));
        Assert.Equal("no-referrer", Header("Referrer-Policy"));
        Assert.StartsWith(cspStart, Header("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", Header("Content-Security-Policy"));
    }
}
