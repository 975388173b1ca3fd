using Arkoa.Api.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Scalar.AspNetCore;

namespace Arkoa.Api.OpenApi;

/// <summary>
/// The OpenAPI document (/openapi/v1.json) and, in Development, the Scalar reference page (/scalar).
/// In Development both are anonymous; elsewhere the document needs a session like the rest of the Api
/// (the fallback policy), and the page is not mapped at all.
/// </summary>
public static class OpenApiSetup
{
    public const string ReferencePath = "/scalar";
    private const string BearerScheme = "bearer";
    private const string CookieScheme = "cookie";

    public static IServiceCollection AddArkoaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info.Title = "Arkoa API";
                document.Info.Description = "Leave management: companies, members, leaves, balances, calendars and exports.";
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[BearerScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http, Scheme = "bearer",
                    Description = "The token returned by POST /api/auth/sign-in.",
                };
                document.Components.SecuritySchemes[CookieScheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Cookie, Name = SessionAuthenticationHandler.CookieName,
                    Description = "The session cookie set by sign-in (browsers).",
                };
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                // Every /api request counts against the general rate limit (ApiRateLimiting), signed in or not.
                operation.Responses ??= new OpenApiResponses();
                if (context.Description.RelativePath?.StartsWith("api/", StringComparison.Ordinal) == true)
                {
                    operation.Responses.TryAdd("429", new OpenApiResponse { Description = "Too many requests: try again after the Retry-After seconds." });
                }

                // Every endpoint needs a session unless it allows anonymous callers: say so, and what happens without one.
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IAllowAnonymous>().Any()) return Task.CompletedTask;
                operation.Security ??= [];
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(BearerScheme, context.Document)] = [] });
                operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(CookieScheme, context.Document)] = [] });
                operation.Responses ??= new OpenApiResponses();
                operation.Responses.TryAdd("401", new OpenApiResponse { Description = "Not signed in, or the session has expired." });
                return Task.CompletedTask;
            });
            ApiTokenDocumentation.Add(options);
            LeaveTypeSchema.Add(options);
        });

    // The reference page runs its bundled script and styles from this origin, and talks only to this Api.
    private const string ReferencePagePolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'";

    /// <summary>
    /// In Development, gives the reference page the content security policy it needs (the Api's default,
    /// default-src 'none', would block its script); the shared security headers keep a policy already set.
    /// </summary>
    public static WebApplication UseApiReferencePagePolicy(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment()) return app;
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments(ReferencePath)) context.Response.Headers.ContentSecurityPolicy = ReferencePagePolicy;
            await next();
        });
        return app;
    }

    public static WebApplication MapArkoaOpenApi(this WebApplication app)
    {
        var document = app.MapOpenApi();
        if (!app.Environment.IsDevelopment()) return app;

        document.AllowAnonymous();
        // The page's script is bundled in the package and served by the Api: nothing is fetched from the internet.
        app.MapScalarApiReference(ReferencePath, o => o
                .WithTitle("Arkoa API")
                .DisableDefaultFonts()
                .DisableTelemetry()
                .DisableAgent())
            .AllowAnonymous();
        return app;
    }
}
