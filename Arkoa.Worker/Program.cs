using System.Text.Json.Serialization;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.MailDecisions;
using Arkoa.Core.Webhooks;
using Arkoa.Worker;
using Arkoa.Worker.Backups;
using Arkoa.Worker.Jobs;
using Arkoa.Worker.Mail;
using Arkoa.Worker.Ops;
using Arkoa.Worker.Outbox;
using Arkoa.Worker.Webhooks;

// The Worker is a small web host so that /health, /alive and /metrics can be probed and scraped, and operators can
// trigger jobs on /ops (shared-secret protected); its work is the hosted services.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<ArkoaDbContext>(ArkoaDbContext.ConnectionName, configureDbContextOptions: ArkoaDbContextOptions.Apply);
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
builder.Services.Configure<MailOptions>(o => o.WebBaseUrl = builder.Configuration["Arkoa:WebBaseUrl"] ?? o.WebBaseUrl);
builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
builder.Services.Configure<JobOptions>(builder.Configuration.GetSection("Jobs"));
builder.Services.Configure<BackupOptions>(builder.Configuration.GetSection("Backup"));
builder.Services.Configure<OpsOptions>(builder.Configuration.GetSection("Ops"));

builder.Services.AddMailTemplates();
builder.Services.AddSingleton<ChatTexts>();
builder.Services.AddSingleton<MailSender>();
builder.Services.AddHostedService<OutboxDispatcher>();
builder.Services.AddHostedService<OutboxBacklogMonitor>();

// Webhooks (issue 18): their own outbox table, claimed and signed here.
builder.AddWebhookSettings();
builder.AddDecisionLinks();
builder.Services.AddOptions<WebhookOptions>().BindConfiguration(WebhookSettings.Section)
    .Validate(o => o.Retention.Problem is null, "Webhooks:DeliveredRetentionDays and DeadLetterRetentionDays must be at least 1, dead letters kept no shorter than deliveries.")
    .ValidateOnStart();
builder.Services.AddSingleton<WebhookClient>();
builder.Services.AddHostedService<WebhookDispatcher>();

// Company jobs (SPEC §7): idempotent per (job, company, period), run on schedule and on demand.
builder.Services.AddScoped<BalanceLedger>();
builder.Services.AddKeyedScoped<ICompanyJob, YearlyCreditJob>(YearlyCreditJob.JobName);
builder.Services.AddKeyedScoped<ICompanyJob, CarryOverExpiryJob>(CarryOverExpiryJob.JobName);
builder.Services.AddKeyedScoped<ICompanyJob, PendingDigestJob>(PendingDigestJob.JobName);
builder.Services.AddKeyedScoped<ICompanyJob, StepEscalationJob>(StepEscalationJob.JobName);
builder.Services.AddKeyedScoped<ICompanyJob, LedgerVerifyJob>(LedgerVerifyJob.JobName);
builder.Services.AddKeyedScoped<ICompanyJob, WebhookRetentionJob>(WebhookRetentionJob.JobName);
builder.Services.AddSingleton<CompanyJobRunner>();
builder.Services.AddHostedService<JobScheduler>();

// Verified backups (SPEC §7).
builder.Services.AddSingleton<BackupStatus>();
builder.Services.AddSingleton<BackupRunner>();
builder.Services.AddHostedService<BackupScheduler>();

builder.Services.AddHealthChecks()
    .AddCheck<OutboxHealthCheck>(OutboxHealthCheck.Name)
    .AddCheck<BackupHealthCheck>(BackupHealthCheck.Name);

// A bad schedule stops the Worker at start rather than silently never running.
JobScheduler.Parse(builder.Configuration.GetSection("Jobs").Get<JobOptions>()?.Schedules ?? new JobOptions().Schedules);

var app = builder.Build();
WorkerMetrics.ObserveBackups(app.Services.GetRequiredService<BackupStatus>());
app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();
app.MapOpsEndpoints();
app.Run();
