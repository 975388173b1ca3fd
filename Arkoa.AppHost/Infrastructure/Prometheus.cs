using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>
/// Prometheus scraping every service's /metrics and evaluating Arkoa's alert rules. The scrape config and the rules
/// are the ones operators deploy (<c>deploy/prometheus/</c>), copied beside a target list for file-based discovery:
/// the list is written when the services' endpoints are allocated, and Prometheus reloads it by itself.
/// </summary>
public static class PrometheusBuilderExtensions
{
    public const string Image = "prom/prometheus";
    public const string ImageTag = "v3.5.0";
    public const string ConfigFile = "prometheus.yml";
    public const string RulesFile = "alerts.yml";
    public const string TargetsFile = "targets.json";

    public static IResourceBuilder<ExecutableResource> AddLocalPrometheus(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, string deployDirectory,
        IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        var prometheus = LocalBinaries.OnPath("prometheus", "prometheus");
        var configDirectory = WriteConfig(dataDirectory, deployDirectory);
        WriteTargetsWhenAllocated(configDirectory, services, hostForTargets: null);

        var port = FreePort.Next();
        return builder.AddExecutable(name, prometheus, dataDirectory,
                $"--config.file={Path.Combine(configDirectory, ConfigFile)}",
                $"--storage.tsdb.path={Path.Combine(dataDirectory, "tsdb")}",
                "--storage.tsdb.retention.time=7d",
                $"--web.listen-address=127.0.0.1:{port}")
            .WithHttpEndpoint(port: port, targetPort: port, name: "http", isProxied: false)
            .WithHttpHealthCheck("/-/ready")
            .WithIconName("ChartMultiple");
    }

    public static IResourceBuilder<ContainerResource> AddPrometheusContainer(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, string deployDirectory,
        IEnumerable<IResourceBuilder<ProjectResource>> services)
    {
        var configDirectory = WriteConfig(dataDirectory, deployDirectory);
        WriteTargetsWhenAllocated(configDirectory, services, hostForTargets: "host.docker.internal");

        return builder.AddContainer(name, Image, ImageTag)
            .WithBindMount(configDirectory, "/etc/prometheus", isReadOnly: true)
            .WithArgs($"--config.file=/etc/prometheus/{ConfigFile}", "--storage.tsdb.path=/prometheus")
            .WithHttpEndpoint(targetPort: 9090, name: "http")
            .WithHttpHealthCheck("/-/ready");
    }

    // Relative paths in the config (rules, target list) are resolved against its folder, so the files only need to sit together.
    private static string WriteConfig(string dataDirectory, string deployDirectory)
    {
        var configDirectory = Path.Combine(dataDirectory, "config");
        Directory.CreateDirectory(configDirectory);
        foreach (var file in new[] { ConfigFile, RulesFile })
        {
            var source = Path.Combine(deployDirectory, file);
            if (!File.Exists(source))
            {
                throw new MissingPrerequisiteException($"Arkoa's Prometheus needs {source} (deploy/prometheus in the repository).");
            }
            File.Copy(source, Path.Combine(configDirectory, file), overwrite: true);
        }
        if (!File.Exists(Path.Combine(configDirectory, TargetsFile)))
        {
            File.WriteAllText(Path.Combine(configDirectory, TargetsFile), "[]");
        }
        return configDirectory;
    }

    private static void WriteTargetsWhenAllocated(
        string configDirectory, IEnumerable<IResourceBuilder<ProjectResource>> services, string? hostForTargets)
    {
        var targets = new Dictionary<string, string>();
        var gate = new Lock();
        foreach (var service in services)
        {
            service.OnResourceEndpointsAllocated((resource, _, _) =>
            {
                var endpoint = resource.GetEndpoint("http");
                if (!endpoint.IsAllocated) return Task.CompletedTask;
                lock (gate)
                {
                    targets[resource.Name] = $"{hostForTargets ?? endpoint.Host}:{endpoint.Port}";
                    var document = targets.Select(t => new { targets = new[] { t.Value }, labels = new { service = t.Key } });
                    var path = Path.Combine(configDirectory, TargetsFile);
                    File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(document));
                    File.Move(path + ".tmp", path, overwrite: true); // atomic: Prometheus never reads half a file
                }
                return Task.CompletedTask;
            });
        }
    }
}
