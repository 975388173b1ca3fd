namespace Arkoa.Api.Auth;

/// <summary>The Api's default scheme: forwards each request to the API token handler or the session handler.</summary>
public static class ApiAuthentication
{
    public const string SchemeName = "Arkoa";

    public static string Select(HttpContext context) =>
        ApiTokenAuthenticationHandler.CarriesToken(context.Request)
            ? ApiTokenAuthenticationHandler.SchemeName
            : SessionAuthenticationHandler.SchemeName;
}
