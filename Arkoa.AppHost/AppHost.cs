using Arkoa.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

// The whole Arkoa system: Postgres (database "arkoa"), Redis, an SMTP sink, Prometheus, and the three services.
// Resource and connection names are the same whichever way the infrastructure runs (see InfrastructureMode).
try
{
    var builder = DistributedApplication.CreateBuilder(args);
    var mode = InfrastructureModeDetector.Detect(builder.Configuration, builder.ExecutionContext.IsPublishMode);
    var dataDirectory = DataDirectory.Resolve(builder.Configuration, builder.AppHostDirectory);
    var repositoryRoot = Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));
    // Api and Web are stateless; `--Arkoa:Replicas=2` runs two of each behind Aspire's proxy to prove it.
    var replicas = builder.Configuration.GetValue("Arkoa:Replicas", 1);
    if (replicas < 1) throw new InvalidOperationException($"Arkoa:Replicas must be 1 or more, not {replicas}.");

    IResourceBuilder<IResourceWithConnectionString> database, redis, smtp;
    IResourceBuilder<IResource> databaseServer;
    if (mode == InfrastructureMode.Containers)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume("arkoa-postgres-data");
        databaseServer = postgres;
        database = postgres.AddDatabase("arkoa");
        redis = builder.AddRedis("redis");
        smtp = builder.AddSmtpContainer("smtp");
    }
    else
    {
        var postgres = builder.AddLocalPostgres("postgres", Path.Combine(dataDirectory, "postgres"));
        databaseServer = postgres;
        database = postgres.AddDatabase("arkoa");
        redis = builder.AddLocalRedis("redis", Path.Combine(dataDirectory, "redis"));
        smtp = builder.AddSmtpTool("smtp", repositoryRoot);
    }

    // The Api owns the schema: it applies migrations before it serves, so the others wait for it.
    var api = builder.AddProject<Projects.Arkoa_Api>("api")
        .WithReference(database).WaitFor(database).WaitFor(databaseServer)
        .WithReference(redis).WaitFor(redis)
        .WithReplicas(replicas)
        .WithHttpHealthCheck("/health");

    // The Web keeps its Data Protection keys in Redis, so every replica can read every cookie.
    var web = builder.AddProject<Projects.Arkoa_Web>("web")
        .WithReference(api).WaitFor(api)
        .WithReference(redis).WaitFor(redis)
        .WithReplicas(replicas)
        .WithExternalHttpEndpoints()
        .WithHttpHealthCheck("/health");

    var worker = builder.AddProject<Projects.Arkoa_Worker>("worker")
        .WithReference(database).WaitFor(api)
        .WithReference(smtp).WaitFor(smtp)
        .WithEnvironment("Arkoa__WebBaseUrl", web.GetEndpoint("http"))
        .WithHttpHealthCheck("/health");

    // Prometheus is for developers and CI; a deployed system is scraped by the platform's own Prometheus
    // (e.g. Azure Monitor managed Prometheus) through each service's /metrics, so it is not published.
    IResourceBuilder<ProjectResource>[] services = [api, web, worker];
    if (builder.ExecutionContext.IsRunMode)
    {
        var prometheusDirectory = Path.Combine(dataDirectory, "prometheus");
        if (mode == InfrastructureMode.Containers) builder.AddPrometheusContainer("prometheus", prometheusDirectory, services);
        else builder.AddLocalPrometheus("prometheus", prometheusDirectory, services);
    }

    builder.Build().Run();
    return 0;
}
catch (MissingPrerequisiteException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
