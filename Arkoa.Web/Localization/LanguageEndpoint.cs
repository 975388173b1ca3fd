using Arkoa.Web.Api;
using Arkoa.Web.Auth;
using Microsoft.AspNetCore.Mvc;

namespace Arkoa.Web.Localization;

/// <summary>POST /language: the header's language buttons. A form post, so antiforgery applies.</summary>
public static partial class LanguageEndpoint
{
    public const string Path = "/language";

    public static IEndpointRouteBuilder MapLanguageEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapPost(Path, ChooseAsync);
        return app;
    }

    private static async Task<IResult> ChooseAsync(
        [FromForm] string? language, [FromForm] string? returnUrl, HttpContext context, ArkoaApiClient api, ILogger<ArkoaApiClient> logger)
    {
        if (WebCultures.Normalize(language) is not { } chosen)
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown language",
                detail: $"language must be one of: {string.Join(", ", WebCultures.Supported)}.");
        }

        WebCultures.Remember(context, chosen);
        // Saved on the account too, so the next sign-in on another device and the mails use it; if the Api
        // cannot take it now, this browser still switches.
        if (ArkoaClaims.TokenOf(context.User) is not null
            && await api.UpdateMyLanguageAsync(chosen, context.RequestAborted) is { } problem)
        {
            LogNotSaved(logger, problem.Status);
        }
        return Results.LocalRedirect(SafeReturnUrl.OrHome(returnUrl));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The language choice was not saved on the account: the Api answered {Status}.")]
    private static partial void LogNotSaved(ILogger logger, int status);
}
