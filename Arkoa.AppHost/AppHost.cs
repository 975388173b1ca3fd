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
    EndpointReference databaseEndpoint;
    if (mode == InfrastructureMode.Containers)
    {
        var postgres = builder.AddPostgres("postgres").WithDataVolume("arkoa-postgres-data");
        databaseServer = postgres;
        databaseEndpoint = postgres.Resource.PrimaryEndpoint;
        database = postgres.AddDatabase("arkoa");
        redis = builder.AddRedis("redis");
        // A deployment sends real mail: the SMTP server is a secret connection string the operator provides
        // (Endpoint=smtp://host:587;Username=…;Password=…), not the mail sink used while developing.
        smtp = builder.ExecutionContext.IsPublishMode ? builder.AddConnectionString("smtp") : builder.AddSmtpContainer("smtp");
    }
    else
    {
        LocalBinaries.VerifyLocalMode();
        var postgres = builder.AddLocalPostgres("postgres", Path.Combine(dataDirectory, "postgres"));
        databaseServer = postgres;
        databaseEndpoint = postgres.Resource.Endpoint;
        database = postgres.AddDatabase("arkoa");
        redis = builder.AddLocalRedis("redis", Path.Combine(dataDirectory, "redis"));
        smtp = builder.AddSmtpTool("smtp", repositoryRoot);
    }

    // The services work as roles that cannot change the schema; the superuser sets the roles up (DatabaseRoles).
    var roles = DatabaseRoles.Add(builder, databaseEndpoint, "arkoa");
    database.OnResourceReady(async (resource, _, cancellationToken) =>
        await roles.EnsureAsync((await resource.ConnectionStringExpression.GetValueAsync(cancellationToken))!, cancellationToken));

    // One operations key opens the Worker's /ops endpoints and the details of the Api's /api/health.
    var opsKey = builder.AddOpsKey();

    // The Web proves to the Api that a call is its own with this shared secret (generated unless configured), so
    // the Api believes the browser address the Web forwards and sets it no cookie (Arkoa.Api/Auth/WebClientProof).
    var webKey = builder.AddParameter("web-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);

    // Webhook secrets are kept encrypted with this key (Arkoa.Core/Webhooks/WebhookSecretProtector): the Api encrypts them,
    // the Worker decrypts them to sign. Kept across restarts: a new key would make every endpoint's secret unreadable.
    var webhookKey = builder.AddStoredSecret("webhook-key", dataDirectory);

    // The Worker signs the Approve and Reject links of approvers' mails with this key, the Api checks them
    // (Arkoa.Core/MailDecisions). Kept across restarts, so links already mailed keep working.
    var mailLinkKey = builder.AddStoredSecret("mail-link-key", dataDirectory);

    // The Api owns the schema: it applies migrations (as the owner role) before it serves, so the others wait for it.
    var api = builder.AddProject<Projects.Arkoa_Api>("api")
        .WithEnvironment("Ops__Key", opsKey)
        .WithEnvironment("Arkoa__WebKey", webKey)
        .WithEnvironment("Webhooks__SecretKey", webhookKey)
        .WithEnvironment("DecisionLinks__SecretKey", mailLinkKey)
        .WithEnvironment("ConnectionStrings__arkoa", roles.App).WaitFor(database).WaitFor(databaseServer)
        .WithEnvironment("ConnectionStrings__arkoa-owner", roles.Owner)
        .WithReference(redis).WaitFor(redis)
        .WithReference(smtp) // only for /api/health; the Api does not wait for it: mail going down degrades, never stops it
        .WithReplicas(replicas)
        .WithExternalHttpEndpoints() // scripts with API tokens and identity providers (SCIM) call it directly
        .WithHttpHealthCheck("/health");
    // Its public address: what integrations are told to call (SCIM's tenant URL), whatever Host a request claims.
    api.WithEnvironment("Arkoa__ApiBaseUrl", api.GetEndpoint("http"));

    // The Web keeps its Data Protection keys in Redis, so every replica can read every cookie.
    var web = builder.AddProject<Projects.Arkoa_Web>("web")
        .WithReference(api).WaitFor(api)
        .WithEnvironment("Arkoa__WebKey", webKey)
        .WithReference(redis).WaitFor(redis)
        .WithReplicas(replicas)
        .WithExternalHttpEndpoints()
        .WithHttpHealthCheck("/health");
    // Its public address: every absolute link it makes (redirects, calendar addresses) starts with it, whatever Host a request claims.
    web.WithEnvironment("Arkoa__WebBaseUrl", web.GetEndpoint("http"));

    // Backups go to the data folder when the Worker runs on this machine; a published Worker writes to a mounted volume.
    var backupDirectory = builder.ExecutionContext.IsRunMode ? Path.Combine(dataDirectory, "backups") : "/var/lib/arkoa/backups";
    var worker = builder.AddProject<Projects.Arkoa_Worker>("worker")
        .WithEnvironment("ConnectionStrings__arkoa", roles.App).WaitFor(api)
        .WithEnvironment("ConnectionStrings__arkoa-backup", roles.Backup)
        .WithReference(smtp).WaitFor(smtp)
        .WithEnvironment("Arkoa__WebBaseUrl", web.GetEndpoint("http"))
        .WithEnvironment("Backup__Directory", backupDirectory)
        .WithEnvironment("Backup__EncryptionKey", builder.AddBackupKey(dataDirectory))
        .WithEnvironment("Webhooks__SecretKey", webhookKey)
        .WithEnvironment("DecisionLinks__SecretKey", mailLinkKey)
        .WithOperatorCommands(opsKey)
        .WithHttpHealthCheck("/health");
    // Several replicas (--Arkoa:WorkerReplicas=2) show that mails and jobs are never done twice.
    if (int.TryParse(builder.Configuration["Arkoa:WorkerReplicas"], out var workerReplicas) && workerReplicas > 1)
    {
        worker.WithReplicas(workerReplicas);
    }

    // Prometheus is for developers and CI; a deployed system is scraped by the platform's own Prometheus
    // (e.g. Azure Monitor managed Prometheus) through each service's /metrics, so it is not published.
    IResourceBuilder<ProjectResource>[] services = [api, web, worker];
    if (builder.ExecutionContext.IsRunMode)
    {
        var prometheusDirectory = Path.Combine(dataDirectory, "prometheus");
        var deployDirectory = Path.Combine(repositoryRoot, "deploy", "prometheus");
        if (mode == InfrastructureMode.Containers) builder.AddPrometheusContainer("prometheus", prometheusDirectory, deployDirectory, services);
        else builder.AddLocalPrometheus("prometheus", prometheusDirectory, deployDirectory, services);
    }
    else
    {
        builder.WithDeploymentEnvironment(services);
    }

    builder.Build().Run();
    return 0;
}
catch (MissingPrerequisiteException e)
{
    Console.Error.WriteLine(e.Message);
    return 1;
}
