using System.Globalization;
using Microsoft.AspNetCore.Localization;

namespace Arkoa.Web.Localization;

/// <summary>
/// The languages of the Web: French by default (as the original Arkoa), English on request. The user's choice lives
/// in ASP.NET Core's culture cookie (any replica reads it) and in their Api profile (it follows them to a new device).
/// </summary>
public static class WebCultures
{
    public const string French = "fr";
    public const string English = "en";
    public const string Default = French;

    public static readonly IReadOnlyList<string> Supported = [French, English];

    public static WebApplicationBuilder AddWebLocalization(this WebApplicationBuilder builder)
    {
        builder.Services.AddLocalization(options => options.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(Default)
                .AddSupportedCultures([.. Supported])
                .AddSupportedUICultures([.. Supported]);
            // The remembered choice first, then the browser's languages; the query string is not a way in.
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new AcceptLanguageHeaderRequestCultureProvider()];
        });
        return builder;
    }

    /// <summary>One of <see cref="Supported"/>, or null for anything else (a stored "fr-FR" becomes "fr").</summary>
    public static string? Normalize(string? language)
    {
        if (string.IsNullOrWhiteSpace(language)) return null;
        var neutral = language.Trim().Split('-', '_')[0].ToLowerInvariant();
        return Supported.Contains(neutral) ? neutral : null;
    }

    /// <summary>Remembers <paramref name="language"/> for this browser for a year.</summary>
    public static void Remember(HttpContext context, string language) =>
        context.Response.Cookies.Append(
            CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(language)),
            PreferenceCookie(context));

    /// <summary>
    /// The options of a cookie that keeps a preference of this browser (its language, the last company opened): a year,
    /// HttpOnly, SameSite=Lax, and like the session cookie https only except on the http development profile.
    /// </summary>
    public static CookieOptions PreferenceCookie(HttpContext context) => new()
    {
        Expires = DateTimeOffset.UtcNow.AddYears(1),
        HttpOnly = true,
        IsEssential = true,
        SameSite = SameSiteMode.Lax,
        Secure = context.Request.IsHttps || !context.RequestServices.GetRequiredService<IWebHostEnvironment>().IsDevelopment(),
    };

    /// <summary>The language the current request is rendered in ("fr" or "en").</summary>
    public static string Current => Normalize(CultureInfo.CurrentUICulture.Name) ?? Default;
}
