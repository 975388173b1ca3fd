namespace Arkoa.Api.Http;

/// <summary>
/// Every Api answer is about someone (their leaves, balances, colleagues, account): no browser or proxy cache may keep
/// it (ASVS 8.1.1) unless the endpoint said otherwise (the calendar and the logo revalidate with their ETag).
/// </summary>
public static class NoStoreByDefault
{
    public static WebApplication UseNoStoreByDefault(this WebApplication app)
    {
        app.Use((context, next) =>
        {
            // At the start of the response: an exception handler clears the headers set before it ran.
            context.Response.OnStarting(() =>
            {
                if (string.IsNullOrEmpty(context.Response.Headers.CacheControl)) context.Response.Headers.CacheControl = "no-store";
                return Task.CompletedTask;
            });
            return next(context);
        });
        return app;
    }
}
