using System.Diagnostics;
using Microsoft.Extensions.Configuration;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>How the backing services (Postgres, Redis, SMTP, Prometheus) run.</summary>
public enum InfrastructureMode
{
    /// <summary>Container images, as Aspire users expect on a laptop with Docker or Podman; also what is published.</summary>
    Containers,

    /// <summary>Executables from Debian packages and a local dotnet tool, for machines without a container runtime.</summary>
    Local,
}

public static class InfrastructureModeDetector
{
    public const string ConfigurationKey = "Arkoa:Infrastructure";

    /// <summary>
    /// <c>Arkoa:Infrastructure=containers|local</c> wins; publishing always describes containers;
    /// otherwise containers when a container runtime answers, local when none does.
    /// </summary>
    public static InfrastructureMode Detect(IConfiguration configuration, bool isPublishMode)
    {
        if (isPublishMode) return InfrastructureMode.Containers;

        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.Trim().ToLowerInvariant() switch
            {
                "containers" => InfrastructureMode.Containers,
                "local" => InfrastructureMode.Local,
                _ => throw new MissingPrerequisiteException(
                    $"{ConfigurationKey} is '{configured}'; use 'containers' or 'local'."),
            };
        }

        return ContainerRuntimeAnswers("docker") || ContainerRuntimeAnswers("podman")
            ? InfrastructureMode.Containers
            : InfrastructureMode.Local;
    }

    // A client binary alone is not enough (this project's own machines have the docker CLI without an engine).
    private static bool ContainerRuntimeAnswers(string cli)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(cli, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            });
            if (process is null) return false;
            process.StandardOutput.ReadToEndAsync();
            process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(10)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // not installed
        }
    }
}
