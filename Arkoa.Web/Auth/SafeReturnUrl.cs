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
}
