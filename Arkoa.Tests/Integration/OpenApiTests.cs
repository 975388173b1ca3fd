extern alias ArkoaApi;

using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Arkoa.Tests.Integration;

/// <summary>The Api's OpenAPI document and its Development reference page.</summary>
public sealed class OpenApiTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    private const string BrowserPath = "/usr/bin/chromium";
    private static readonly string[] OperationNames = ["get", "put", "post", "delete", "patch", "head", "options"];

    [Fact]
    public async Task The_document_lists_every_api_route_the_api_maps()
    {
        var document = await app.Api().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = document.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => OperationNames.Contains(operation.Name))
                .Select(operation => $"{operation.Name.ToUpperInvariant()} {path.Name.TrimEnd('/')}"))
            .ToHashSet();

        // The routes come from the Api's own endpoint data source (the same Program, run in-process),
        // so an endpoint added later is checked without touching this test.
        await using var api = await InProcessApiAsync("Development");
        var mapped = api.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Select(m => $"{m} {Template(e.RoutePattern)}"))
            .ToHashSet();

        Assert.Contains("GET /api/companies/{companyId}/leaves/stats", mapped);
        Assert.Contains("GET /api/companies/{companyId}/calendar.ics", mapped);
        Assert.True(mapped.Count >= 20, $"Only {mapped.Count} routes found.");
        Assert.Empty(mapped.Except(documented).Order());
        Assert.Empty(documented.Where(d => d.Contains(" /api", StringComparison.Ordinal)).Except(mapped).Order());
    }

    [Fact]
    public async Task The_document_describes_requests_responses_and_who_may_call()
    {
        var document = await app.Api().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var paths = document.GetProperty("paths");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        var stats = paths.GetProperty("/api/companies/{companyId}/leaves/stats").GetProperty("get");
        Assert.Equal("GetLeaveStats", stats.GetProperty("operationId").GetString());
        Assert.False(string.IsNullOrWhiteSpace(stats.GetProperty("summary").GetString()));
        Assert.Equal("#/components/schemas/LeaveStatsResponse", SchemaRef(stats, "200", "application/json"));
        Assert.True(stats.GetProperty("responses").TryGetProperty("401", out _));
        Assert.True(stats.GetProperty("responses").TryGetProperty("403", out _));
        Assert.NotEmpty(stats.GetProperty("security").EnumerateArray());
        Assert.Equal(["totalLeaves", "pendingLeaves", "approvedLeaves", "rejectedLeaves", "canceledLeaves"],
            schemas.GetProperty("LeaveStatsResponse").GetProperty("properties").EnumerateObject().Select(p => p.Name).ToList());

        var create = paths.GetProperty("/api/companies/{companyId}/memberships/{membershipId}/leaves").GetProperty("post");
        var body = create.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        Assert.Equal("#/components/schemas/CreateLeaveRequest", body.GetProperty("$ref").GetString());
        var list = paths.GetProperty("/api/companies/{companyId}/memberships/{membershipId}/leaves").GetProperty("get");
        Assert.Equal(["companyId", "membershipId", "status", "type", "from", "to", "sort", "dir", "page", "pageSize"],
            list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList());

        var calendar = paths.GetProperty("/api/companies/{companyId}/calendar").GetProperty("get");
        Assert.Equal("#/components/schemas/CalendarResponse", SchemaRef(calendar, "200", "application/json"));
        var kind = schemas.GetProperty("HolidayKind").GetProperty("enum").EnumerateArray().Select(v => v.GetString()).ToList();
        Assert.Equal(["public", "company"], kind);

        var feed = paths.GetProperty("/api/companies/{companyId}/calendar.ics").GetProperty("get");
        Assert.True(feed.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/calendar", out _));
        Assert.False(feed.TryGetProperty("security", out _)); // the token replaces a session
        Assert.False(feed.GetProperty("responses").TryGetProperty("401", out _));

        var csv = paths.GetProperty("/api/companies/{companyId}/leave-balances.csv").GetProperty("get");
        Assert.True(csv.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("text/csv", out _));

        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal("bearer", schemes.GetProperty("bearer").GetProperty("scheme").GetString());
        Assert.Equal("arkoa_session", schemes.GetProperty("cookie").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_leave_type_is_documented_as_the_string_code_it_was_as_an_enum_not_as_an_object()
    {
        var document = await app.Api().GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemas = document.GetProperty("components").GetProperty("schemas");

        foreach (var (owner, property) in new[] { ("CreateLeaveRequest", "type"), ("LeaveResponse", "type"), ("LeaveBalanceResponse", "type") })
        {
            var schema = Resolve(schemas, schemas.GetProperty(owner).GetProperty("properties").GetProperty(property));
            var types = schema.GetProperty("type") is { ValueKind: JsonValueKind.Array } list
                ? list.EnumerateArray().Select(t => t.GetString()).ToList() : [schema.GetProperty("type").GetString()];
            Assert.Contains("string", types);
            Assert.DoesNotContain("object", types);
            Assert.Equal("^[A-Z0-9_]{2,20}$", schema.GetProperty("pattern").GetString());
            Assert.False(schema.TryGetProperty("properties", out _), $"{owner}.{property} has properties");
        }
    }

    // A property's schema, following a reference or the non-null branch of a nullable's choice.
    private static JsonElement Resolve(JsonElement schemas, JsonElement schema)
    {
        if (schema.TryGetProperty("$ref", out var reference)) return Resolve(schemas, schemas.GetProperty(reference.GetString()!.Split('/')[^1]));
        foreach (var choice in new[] { "oneOf", "anyOf", "allOf" })
        {
            if (!schema.TryGetProperty(choice, out var options)) continue;
            return Resolve(schemas, options.EnumerateArray().First(o => !(o.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")));
        }
        return schema;
    }

    [Fact]
    public async Task In_development_a_reference_page_is_served_that_loads_nothing_from_the_internet()
    {
        var response = await app.Api().GetAsync("/scalar");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'self'", policy);
        Assert.Contains("connect-src 'self'", policy);
        Assert.DoesNotContain("http", policy);
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(@"(src|href)\s*=\s*[""']?(https?:)?//", html);
        // Everything else in the Api keeps the strict policy.
        var health = await app.Api().GetAsync("/api/health");
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", string.Join(";", health.Headers.GetValues("Content-Security-Policy")));
    }

    [Fact]
    public async Task The_reference_page_renders_in_a_browser_with_every_request_going_to_the_api()
    {
        var api = app.Api().BaseAddress!;
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = BrowserPath, Headless = true, Args = ["--no-sandbox"],
        });
        var page = await browser.NewPageAsync();
        var elsewhere = new ConcurrentQueue<string>();
        var problems = new ConcurrentQueue<string>();
        page.Request += (_, request) =>
        {
            if (Uri.TryCreate(request.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" && url.Authority != api.Authority)
            {
                elsewhere.Enqueue(request.Url);
            }
        };
        page.Response += (_, response) =>
        {
            if (response.Status >= 400) problems.Enqueue($"{response.Status} {response.Url}");
        };
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning") problems.Enqueue($"console {message.Type}: {message.Text}");
        };

        await page.GotoAsync(new Uri(api, "/scalar").ToString(), new() { Timeout = 120_000 });
        try
        {
            // The page has fetched and read the document: its description and its tags show.
            await page.GetByText("Leave management: companies, members").First.WaitForAsync(new() { Timeout = 120_000 });
            await page.GetByText("Company leaves").First.WaitForAsync(new() { Timeout = 30_000 });
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}\nFailed requests and console errors: {string.Join("\n", problems)}", e);
        }

        Assert.Empty(elsewhere);
        Assert.DoesNotContain(problems, p => p.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Outside_development_the_document_needs_a_session_and_there_is_no_reference_page()
    {
        await using var api = await InProcessApiAsync("Production");
        using var anonymous = api.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/openapi/v1.json")).StatusCode);

        var user = await ApiSession.SignUpAsync(app); // the in-process Api shares the AppHost's database
        using var signedIn = api.CreateClient();
        signedIn.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", user.Token);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync("/openapi/v1.json")).StatusCode);
        // No reference page at all (anonymous callers get 401 for any unknown path: the fallback policy).
        Assert.Equal(HttpStatusCode.NotFound, (await signedIn.GetAsync("/scalar")).StatusCode);
    }

    /// <summary>The Api's Program run in this process against the AppHost's Postgres and Redis.</summary>
    private async Task<WebApplicationFactory<ArkoaApi::Program>> InProcessApiAsync(string environment)
    {
        var database = await app.ConnectionStringAsync("api", "arkoa");
        var owner = await app.ConnectionStringAsync("api", "arkoa-owner");
        var redis = await app.App.GetConnectionStringAsync("redis");
        var factory = new WebApplicationFactory<ArkoaApi::Program>().WithWebHostBuilder(host => host
            .UseEnvironment(environment)
            .UseSetting("ConnectionStrings:arkoa", database)
            .UseSetting("ConnectionStrings:arkoa-owner", owner)
            .UseSetting("ConnectionStrings:redis", redis)
            .UseSetting(Arkoa.Core.Webhooks.WebhookSecretProtector.KeySetting, InProcessApi.WebhookKey)
            .UseSetting(Arkoa.Core.MailDecisions.DecisionLinkSigner.KeySetting, InProcessApi.MailLinkKey));
        _ = factory.Server; // starts it
        return factory;
    }

    /// <summary>"/api/companies/{companyId:guid}/" → "/api/companies/{companyId}", as OpenAPI writes paths.</summary>
    private static string Template(RoutePattern pattern) =>
        "/" + string.Join("/", pattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
        {
            RoutePatternLiteralPart literal => literal.Content,
            RoutePatternParameterPart parameter => $"{{{parameter.Name}}}",
            RoutePatternSeparatorPart separator => separator.Content,
            _ => throw new InvalidOperationException($"Unexpected route part {part}"),
        }))));

    private static string? SchemaRef(JsonElement operation, string status, string contentType) =>
        operation.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty(contentType)
            .GetProperty("schema").GetProperty("$ref").GetString();
}
