namespace Arkoa.Api.Http;

public static class SecurityHeaders
{
    /// <summary>Headers every Api response carries (SPEC §9); the Api serves JSON only, so nothing may frame or run it.</summary>
    public static IApplicationBuilder UseArkoaSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
                // Endpoints serving a document of their own (the SVG logo, the Development API reference) set their own policy first.
                if (string.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = "default-src 'none'; frame-ancestors 'none'";
                return Task.CompletedTask;
            });
            await next();
        });
}
