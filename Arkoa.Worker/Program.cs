using Arkoa.Core.Data;
using Arkoa.Worker.Mail;
using Arkoa.Worker.Outbox;

// The Worker is a small web host only so that /health, /alive and /metrics can be probed and scraped;
// its work is the hosted services.
var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<ArkoaDbContext>(ArkoaDbContext.ConnectionName, configureDbContextOptions: ArkoaDbContextOptions.Apply);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.Configure<MailOptions>(builder.Configuration.GetSection("Mail"));
builder.Services.Configure<MailOptions>(o => o.WebBaseUrl = builder.Configuration["Arkoa:WebBaseUrl"] ?? o.WebBaseUrl);
builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Outbox"));
// One mail template per outbox kind (SPEC §6).
builder.Services.AddSingleton<IMailTemplate, Arkoa.Worker.Mail.Templates.VerifyEmailTemplate>();
builder.Services.AddSingleton<IMailTemplate, Arkoa.Worker.Mail.Templates.ResetPasswordTemplate>();
builder.Services.AddSingleton<IMailTemplate, Arkoa.Worker.Mail.Templates.EmailChangeTemplate>();
builder.Services.AddSingleton<MailComposer>();
builder.Services.AddSingleton<MailSender>();
builder.Services.AddHostedService<OutboxDispatcher>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.Run();
