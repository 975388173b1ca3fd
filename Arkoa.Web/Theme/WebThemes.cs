using Arkoa.Web.Localization;

namespace Arkoa.Web.Theme;

/// <summary>
/// The colour theme the pages are drawn in (issue 14 §15): the device's setting unless the account chose light or dark.
/// The choice lives on the account (it follows the person) and in a cookie of this browser, which App.razor reads to
/// write <c>&lt;html data-theme&gt;</c> on the server, so a page never shows in the wrong theme first.
/// </summary>
public static class WebThemes
{
    public const string System = "system";
    public const string Light = "light";
    public const string Dark = "dark";

    public const string Cookie = "arkoa_theme";

    public static readonly IReadOnlyList<string> Supported = [System, Light, Dark];

    /// <summary>One of <see cref="Supported"/>, or null for anything else.</summary>
    public static string? Normalize(string? theme) =>
        theme is null ? null : Supported.FirstOrDefault(t => string.Equals(t, theme.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The theme of this request: the browser's remembered choice, else the device's (<see cref="System"/>).</summary>
    public static string Of(HttpContext context) => Normalize(context.Request.Cookies[Cookie]) ?? System;

    /// <summary>Remembers <paramref name="theme"/> for this browser, as the language is remembered.</summary>
    public static void Remember(HttpContext context, string theme) =>
        context.Response.Cookies.Append(Cookie, theme, WebCultures.PreferenceCookie(context));
}
