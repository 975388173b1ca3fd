namespace Arkoa.Web.Auth;

/// <summary>Where to go after signing in.</summary>
public static class SafeReturnUrl
{
    /// <summary>
    /// Follows only paths on this site. Anything else ("https://…", "//host", "/\host", or control
    /// characters browsers strip) could hand a freshly signed-in user to another site. Only printable ASCII is
    /// followed: the path goes into the Location header, which cannot carry anything else (a "/é" was a 500), and
    /// every address of this site is ASCII (a browser sends other characters percent-encoded).
    /// </summary>
    public static string OrHome(string? returnUrl) =>
        returnUrl is { Length: > 0 } url
        && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && url.All(c => c is >= ' ' and <= '~')
            ? url
            : "/";

    /// <summary>
    /// The return address with the fragment of the leave it names (<c>?leave=</c>): the browser never sent the mail
    /// link's <c>#leave-…</c>, so coming back from sign-in it would land at the top of a long list instead of the leave.
    /// </summary>
    public static string AtNamedLeave(string safeUrl)
    {
        var query = safeUrl.IndexOf('?');
        if (query < 0 || safeUrl.Contains('#')) return safeUrl;
        var leave = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(safeUrl[query..])["leave"];
        return leave.Count == 1 && Guid.TryParse(leave[0], out var id) ? $"{safeUrl}#leave-{id}" : safeUrl;
    }
}
