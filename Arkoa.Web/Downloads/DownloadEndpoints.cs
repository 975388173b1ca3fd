using Arkoa.Web.Api;
using Arkoa.Web.Auth;

namespace Arkoa.Web.Downloads;

/// <summary>
/// Files the Api produces, served by the Web so the browser needs nothing but its Web session: the managers' CSV
/// exports, the company logo, the user's GDPR export, and the iCal feed (anonymous, its secret token in the query, for calendar apps
/// that can only reach the Web's public address). Each streams the Api's answer on without reading it whole.
/// </summary>
public static class DownloadEndpoints
{
    /// <summary>The only CSV files a company offers (anything else is not forwarded).</summary>
    private static readonly IReadOnlySet<string> CompanyExports = new HashSet<string>(StringComparer.Ordinal) { "leave-balances.csv", "history.csv", "payroll.csv" };

    public static string CompanyExportPath(string companyId, string file) => $"/companies/{companyId}/exports/{file}";

    public const string ProfileExportPath = "/profile/export";

    /// <summary>The company's uploaded logo, for its members.</summary>
    public static string LogoPath(string companyId) => $"/companies/{companyId}/logo";

    /// <summary>The Web address of a feed whose Api path is /api/companies/{id}/calendar.ics?token=….</summary>
    public static string CalendarFeedPath(string apiPath) => apiPath.StartsWith("/api/", StringComparison.Ordinal) ? apiPath[4..] : apiPath;

    public static IEndpointRouteBuilder MapDownloadEndpoints(this IEndpointRouteBuilder app)
    {
        // The query (the payroll's month and format, a team filter) goes on as it came: the Api validates it.
        app.MapGet("/companies/{companyId:guid}/exports/{file}", (Guid companyId, string file, HttpContext context, ArkoaApiClient api) =>
            CompanyExports.Contains(file)
                ? ForwardAsync(context, api, $"api/companies/{companyId}/{file}{context.Request.QueryString}", signedIn: true)
                : Task.FromResult(Results.NotFound()))
            .RequireAuthorization();
        app.MapGet(LogoPath("{companyId:guid}"), (Guid companyId, HttpContext context, ArkoaApiClient api) =>
            ForwardAsync(context, api, $"api/companies/{companyId}/logo", signedIn: true))
            .RequireAuthorization();
        app.MapGet(ProfileExportPath, (HttpContext context, ArkoaApiClient api) =>
            ForwardAsync(context, api, "api/users/me/export", signedIn: true))
            .RequireAuthorization();
        app.MapGet("/companies/{companyId:guid}/calendar.ics", (Guid companyId, string? token, HttpContext context, ArkoaApiClient api) =>
            ForwardAsync(context, api, $"api/companies/{companyId}/calendar.ics?token={Uri.EscapeDataString(token ?? "")}", signedIn: false));
        return app;
    }

    private static async Task<IResult> ForwardAsync(HttpContext context, ArkoaApiClient api, string apiPath, bool signedIn)
    {
        if (signedIn && ArkoaClaims.TokenOf(context.User) is null) return await SignedOutAsync(context);

        var response = await api.OpenDownloadAsync(apiPath, withoutSession: !signedIn, context.RequestAborted);
        if (response is null) return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
        context.Response.RegisterForDispose(response);

        if (!response.IsSuccessStatusCode)
        {
            var status = (int)response.StatusCode;
            if (signedIn && status == StatusCodes.Status401Unauthorized) return await SignedOutAsync(context);
            // Not a member, not a manager, or no such feed: the same "not found" page, nothing leaks.
            return Results.StatusCode(status is 403 ? StatusCodes.Status404NotFound : status);
        }

        var content = response.Content.Headers;
        if (content.ContentDisposition is { } disposition) context.Response.Headers.ContentDisposition = disposition.ToString();
        // An SVG logo comes with the Api's own locked-down policy: keep it rather than the Web's page policy.
        if (response.Headers.TryGetValues("Content-Security-Policy", out var policy)) context.Response.Headers.ContentSecurityPolicy = policy.ToArray();
        // Personal data: never kept by a shared cache.
        context.Response.Headers.CacheControl = "private, no-store";
        return Results.Stream(await response.Content.ReadAsStreamAsync(context.RequestAborted),
            content.ContentType?.ToString() ?? "application/octet-stream");
    }

    private static async Task<IResult> SignedOutAsync(HttpContext context)
    {
        await WebSession.SignOutAsync(context);
        return Results.Redirect("/sign-in");
    }
}
