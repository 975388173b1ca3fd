using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The protections the Api and the Web share (SPEC §9): a 1 MB request body limit, client addresses and schemes
/// taken from X-Forwarded-For/-Proto only when a configured proxy sent them (and only http or https as scheme),
/// and the browser hardening headers on every response.
/// </summary>
public static class WebSecurityExtensions
{
    public const long MaxRequestBodyBytes = 1024 * 1024;

    /// <summary>
    /// Configuration section of the trusted proxies: <c>KnownProxies</c> (IP addresses), <c>KnownNetworks</c>
    /// (CIDR ranges) and <c>ForwardLimit</c> (how many proxy hops to unwind, default 1). Nothing else is trusted, not
    /// even loopback: Aspire's local proxy is on loopback and passes on whatever headers a client sent.
    /// </summary>
    public const string ForwardedHeadersSection = "ForwardedHeaders";

    public static TBuilder AddWebSecurityDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Services.Configure<KestrelServerOptions>(kestrel => kestrel.Limits.MaxRequestBodySize = MaxRequestBodyBytes);
        var section = builder.Configuration.GetSection(ForwardedHeadersSection);
        builder.Services.Configure<ForwardedHeadersOptions>(options => ConfigureForwardedHeaders(options, section));
        return builder;
    }

    /// <summary>
    /// Call first in the pipeline: everything after it sees the real client address and scheme, and every
    /// response (errors included) carries the headers. HSTS is sent outside Development only, on https.
    /// </summary>
    public static WebApplication UseWebSecurityDefaults(this WebApplication app, string contentSecurityPolicy)
    {
        app.Use((context, next) =>
        {
            // A scheme is only ever http or https: anything else ("javascript") would end up in absolute links.
            var proto = context.Request.Headers[ForwardedProtoHeader];
            if (proto.Count > 0 && !proto.All(IsHttpSchemeList)) context.Request.Headers.Remove(ForwardedProtoHeader);
            return next(context);
        });
        app.UseForwardedHeaders();
        if (!app.Environment.IsDevelopment()) app.UseHsts();
        app.Use(async (context, next) =>
        {
            // Set when the response starts: an exception handler clears the headers written before it ran.
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                // Some pages carry a secret in their URL (/reset-password?token=…): never hand it on as a Referer.
                headers["Referrer-Policy"] = "no-referrer";
                // An endpoint serving a document of its own (the SVG logo, the Development API reference) sets its policy first.
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = contentSecurityPolicy;
                return Task.CompletedTask;
            });
            await next(context);
        });
        return app;
    }

    private const string ForwardedProtoHeader = "X-Forwarded-Proto";

    private static bool IsHttpSchemeList(string? value) =>
        (value ?? "").Split(',', StringSplitOptions.TrimEntries).All(scheme =>
            scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase));

    private static void ConfigureForwardedHeaders(ForwardedHeadersOptions options, IConfigurationSection section)
    {
        options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
        // Only the configured proxies, or any client could pick the address its rate limits are counted under
        // and the scheme of the links it is sent. The framework's default (loopback) goes first.
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in section.GetSection("KnownProxies").Get<string[]>() ?? [])
        {
            options.KnownProxies.Add(IPAddress.TryParse(proxy, out var address)
                ? address
                : throw new InvalidOperationException($"{ForwardedHeadersSection}:KnownProxies has '{proxy}', which is not an IP address."));
        }
        foreach (var network in section.GetSection("KnownNetworks").Get<string[]>() ?? [])
        {
            options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var range)
                ? range
                : throw new InvalidOperationException($"{ForwardedHeadersSection}:KnownNetworks has '{network}', which is not a CIDR range."));
        }
        if (section.GetValue<int?>("ForwardLimit") is { } limit) options.ForwardLimit = limit;
        // With both lists empty the middleware would believe every sender: no proxy configured means no forwarding.
        if (options.KnownProxies.Count == 0 && options.KnownIPNetworks.Count == 0) options.ForwardedHeaders = ForwardedHeaders.None;
    }
}
