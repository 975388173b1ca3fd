using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// What every Arkoa service gets: OpenTelemetry (OTLP when the dashboard or an operator
/// sets OTEL_EXPORTER_OTLP_ENDPOINT, Prometheus at /metrics always), health checks,
/// service discovery and resilient HttpClients.
/// </summary>
public static class ServiceDefaultsExtensions
{
    public const string HealthPath = "/health";
    public const string AlivePath = "/alive";
    public const string MetricsPath = "/metrics";

    /// <summary>Meters of our own business metrics (arkoa_*), exported with the framework's.</summary>
    public const string ArkoaMeterName = "Arkoa";

    private static readonly string[] NpgsqlLabels = ["db.client.connection.state", "db.operation.name", "db.system.name", "error.type"];

    public static TBuilder AddServiceDefaults<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.ConfigureStructuredLogging();
        builder.ConfigureOpenTelemetry();
        builder.AddDefaultHealthChecks();

        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http =>
        {
            http.AddStandardResilienceHandler();
            http.AddServiceDiscovery();
        });

        return builder;
    }

    public static TBuilder ConfigureOpenTelemetry<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            // The request scope carries the raw path, which can be a secret (/api/invitations/{token});
            // log records still carry the trace and span ids that tie them to their request.
            logging.IncludeScopes = false;
        });
        // These categories write full request URLs at Information, secrets included (/verify-email?token=…).
        // Registered in code after the configuration's rules, so a "Default": "Information" cannot bring them
        // back; requests are still described by traces (redacted below) and metrics.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        DiskMetrics.Watch(builder.Environment.ContentRootPath);
        builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter("Npgsql", "Microsoft.EntityFrameworkCore", ArkoaMeterName)
                // Npgsql labels its metrics with the data source's name, the connection string without its password (host,
                // port, user name, database), and its operations with the server and database: none of that belongs on
                // /metrics, which any scraper reads. Only these labels are kept.
                .AddView(instrument => instrument.Meter.Name == "Npgsql" ? new MetricStreamConfiguration { TagKeys = NpgsqlLabels } : null)
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(builder.Environment.ApplicationName, "Npgsql")
                // Probes and scrapes would drown the real traffic in the trace view.
                .AddAspNetCoreInstrumentation(o =>
                {
                    o.Filter = context =>
                        !context.Request.Path.StartsWithSegments(HealthPath)
                        && !context.Request.Path.StartsWithSegments(AlivePath)
                        && !context.Request.Path.StartsWithSegments(MetricsPath);
                    // Query values are already redacted by the instrumentation; tokens in the path are ours to hide.
                    o.EnrichWithHttpRequest = (activity, request) =>
                    {
                        var path = request.Path.Value ?? "";
                        if (SensitiveUrl.NeedsRedaction(path)) activity.SetTag("url.path", SensitiveUrl.Redact(path));
                    };
                })
                .AddHttpClientInstrumentation(o => o.EnrichWithHttpRequestMessage = (activity, request) =>
                {
                    var url = request.RequestUri?.ToString() ?? "";
                    if (SensitiveUrl.NeedsRedaction(url)) activity.SetTag("url.full", SensitiveUrl.Redact(url));
                }));

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
        {
            builder.Services.AddOpenTelemetry().UseOtlpExporter();
        }

        return builder;
    }

    /// <summary>
    /// Outside Development the console gets one JSON object per line (what log collectors parse), with the
    /// trace and span ids and the scopes, so a log line leads to its trace. The level comes from configuration
    /// (<c>Logging:LogLevel:Default</c>, e.g. the <c>Logging__LogLevel__Default</c> environment variable).
    /// </summary>
    public static TBuilder ConfigureStructuredLogging<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        if (!builder.Environment.IsDevelopment())
        {
            builder.Logging.AddJsonConsole(o =>
            {
                o.IncludeScopes = true;
                o.UseUtcTimestamp = true;
                o.TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";
            });
        }
        return builder;
    }

    public static TBuilder AddDefaultHealthChecks<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        // "live" answers whether the process works at all; everything else (databases, ...) is readiness.
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), ["live"]);
        return builder;
    }

    /// <summary>
    /// Maps /health (ready: every check), /alive (live checks only) and /metrics, open to probes and scrapers
    /// even where a fallback policy requires signing in. They reveal no data; keep them off public ingress.
    /// </summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(HealthPath).AllowAnonymous();
        app.MapHealthChecks(AlivePath, new HealthCheckOptions { Predicate = r => r.Tags.Contains("live") }).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
        return app;
    }
}
