namespace Arkoa.Api.Http;

/// <summary>
/// The Api's public address (<c>Arkoa:ApiBaseUrl</c>, set by the AppHost): what integrations are told to call, such as
/// SCIM's tenant URL and its resources' locations. A page of the Web asks the Api through its internal address, so the
/// request's own host would name an address no identity provider can reach. Without the setting (a test host), the
/// address the request came to.
/// </summary>
public static class PublicApiAddress
{
    public const string Setting = "Arkoa:ApiBaseUrl";

    public static string Of(HttpContext context) =>
        context.RequestServices.GetRequiredService<IConfiguration>()[Setting] is { Length: > 0 } configured
            ? configured.TrimEnd('/')
            : $"{context.Request.Scheme}://{context.Request.Host}";
}
