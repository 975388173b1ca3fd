namespace Arkoa.Web.Security;

/// <summary>
/// The Web's public address (<c>Arkoa:WebBaseUrl</c>, set by the AppHost) stands in for the scheme and host of every
/// request, so the absolute links the Web makes (redirects, calendar addresses) never carry what a client put in
/// its Host header. Without the setting, requests keep their own.
/// </summary>
public static class PublicAddress
{
    public const string Setting = "Arkoa:WebBaseUrl";

    public static WebApplication UsePublicAddress(this WebApplication app)
    {
        if (app.Configuration[Setting] is not { Length: > 0 } configured) return app;
        var address = new Uri(configured, UriKind.Absolute);
        if (address.Scheme != Uri.UriSchemeHttp && address.Scheme != Uri.UriSchemeHttps)
        {
            throw new InvalidOperationException($"{Setting} must be an http or https address, not '{configured}'.");
        }
        var host = HostString.FromUriComponent(address);
        app.Use((context, next) =>
        {
            context.Request.Scheme = address.Scheme;
            context.Request.Host = host;
            return next(context);
        });
        return app;
    }
}
