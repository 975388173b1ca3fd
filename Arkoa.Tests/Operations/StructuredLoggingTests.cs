using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace Arkoa.Tests.Operations;

/// <summary>What ServiceDefaults does to every service's logs, per environment.</summary>
public sealed class StructuredLoggingTests
{
    [Theory]
    [InlineData("Staging")]
    [InlineData("Production")]
    public void Outside_development_the_console_gets_json_with_trace_ids_and_scopes(string environment)
    {
        using var host = Build(environment);
        Assert.Equal(ConsoleFormatterNames.Json, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        var json = host.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue;
        Assert.True(json.IncludeScopes);
        Assert.True(json.UseUtcTimestamp);
        var tracking = host.Services.GetRequiredService<IOptions<LoggerFactoryOptions>>().Value.ActivityTrackingOptions;
        Assert.True(tracking.HasFlag(ActivityTrackingOptions.TraceId) && tracking.HasFlag(ActivityTrackingOptions.SpanId));
    }

    [Fact]
    public void In_development_the_console_stays_readable()
    {
        using var host = Build("Development");
        Assert.NotEqual(ConsoleFormatterNames.Json, host.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public void The_log_level_comes_from_configuration()
    {
        using var host = Build("Production", new() { ["Logging:LogLevel:Default"] = "Warning" });
        var logger = host.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Arkoa.Test");
        Assert.False(logger.IsEnabled(LogLevel.Information));
        Assert.True(logger.IsEnabled(LogLevel.Warning));
    }

    private static IHost Build(string environment, Dictionary<string, string?>? settings = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            EnvironmentName = environment,
            ApplicationName = "Arkoa.Tests",
            DisableDefaults = false,
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.AddServiceDefaults();
        return builder.Build();
    }
}
