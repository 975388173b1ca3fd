using Arkoa.Api.Http;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Auth;

/// <summary>
/// A browser sends the session cookie with any request to the Api, including one another site's page starts
/// (SameSite=Lax still lets top-level form posts through). So a request that changes something and signs in by the
/// cookie must come from the Api's own origin: its <c>Origin</c> header, which browsers send on every such request
/// and pages cannot forge, must name this Api. Bearer requests carry their token on purpose and are not checked.
/// </summary>
public sealed class CookieOriginCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        var request = context.Request;
        if (HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)
            || HttpMethods.IsTrace(request.Method)
            || request.Headers.Authorization.Count > 0
            || !request.Cookies.ContainsKey(SessionAuthenticationHandler.CookieName)
            || IsOwnOrigin(request))
        {
            return next(context);
        }
        return Problems.Forbidden(ProblemCodes.CrossOriginCookie, "Cross-origin requests cannot use the session cookie.").ExecuteAsync(context);
    }

    private static bool IsOwnOrigin(HttpRequest request) =>
        Uri.TryCreate(request.Headers.Origin.ToString(), UriKind.Absolute, out var origin)
        && string.Equals(origin.GetLeftPart(UriPartial.Authority), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
}
