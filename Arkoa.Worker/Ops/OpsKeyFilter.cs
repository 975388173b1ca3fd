using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Ops;

public sealed class OpsOptions
{
    /// <summary>The shared secret operators (and the AppHost's dashboard commands) send in <see cref="OpsKeyFilter.Header"/>.</summary>
    public string? Key { get; set; }
}

/// <summary>
/// Guards the /ops endpoints with a shared secret (the AppHost's "worker-ops-key" secret parameter). Without a
/// configured key they are closed to everyone. Compared in constant time.
/// </summary>
public sealed class OpsKeyFilter(IOptions<OpsOptions> options) : IEndpointFilter
{
    public const string Header = OpsKey.Header;

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var expected = options.Value.Key;
        if (string.IsNullOrEmpty(expected))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden,
                title: "Forbidden", detail: "The operations endpoints are closed: Ops:Key is not set."));
        }
        if (!OpsKey.IsPresented(context.HttpContext.Request, expected))
        {
            return ValueTask.FromResult<object?>(TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized,
                title: "Unauthorized", detail: $"Send the operations key in the {Header} header."));
        }
        return next(context);
    }
}
