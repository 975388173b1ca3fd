using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.HttpOverrides;

namespace Arkoa.Api.Auth;

/// <summary>
/// How the Web proves a call is its own: the <see cref="HeaderName"/> header carries the secret both were given
/// (<c>Arkoa:WebKey</c>, the AppHost's "web-key" secret parameter). Only a proven call's X-Forwarded-For (the
/// browser's address) is believed, and only it is known to be a bearer client that wants no cookie. Being on
/// loopback or in the same network proves nothing: Aspire's proxy and the cloud ingress pass clients' headers on.
/// </summary>
public static class WebClientProof
{
    public const string HeaderName = "X-Arkoa-Web-Key";
    public const string KeySetting = "Arkoa:WebKey";
    private static readonly object ProvenKey = new();

    /// <summary>True for a call the Web made (checked by <see cref="UseWebClientProof"/>).</summary>
    public static bool IsFromWeb(this HttpContext context) => context.Items.ContainsKey(ProvenKey);

    /// <summary>
    /// Call right after the trusted proxies' forwarded headers are applied: a proven call gets the client address
    /// the Web forwarded (one more hop: the Web itself), any other keeps the address it came from.
    /// </summary>
    public static WebApplication UseWebClientProof(this WebApplication app)
    {
        var key = app.Configuration[KeySetting] is { Length: > 0 } configured ? Encoding.UTF8.GetBytes(configured) : null;
        // The Web proved itself: believe its one hop, whoever delivered the call (no list of known proxies).
        var webHop = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor, ForwardLimit = 1 };
        webHop.KnownProxies.Clear();
        webHop.KnownIPNetworks.Clear();

        app.Use((context, next) =>
        {
            var presented = context.Request.Headers[HeaderName].ToString();
            // Never passed further, whatever its value.
            context.Request.Headers.Remove(HeaderName);
            if (key is not null && presented.Length > 0
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), key))
            {
                context.Items[ProvenKey] = true;
            }
            else
            {
                // What an unproven caller claims about the client is not ours to keep.
                context.Request.Headers.Remove("X-Forwarded-For");
            }
            return next(context);
        });
        app.UseWhen(IsFromWeb, web => web.UseForwardedHeaders(webHop));
        return app;
    }
}
