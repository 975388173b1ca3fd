using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>
/// The Worker's operator side: its /ops endpoints take a shared secret (the "worker-ops-key" secret parameter,
/// generated when not configured), and the dashboard gets one command per job that calls them with it.
/// </summary>
public static class WorkerOperations
{
    public const string KeyParameterName = "worker-ops-key";
    public const string KeyHeader = "X-Arkoa-Ops-Key";

    private static readonly (string Job, string Label, string Icon, bool TakesDate)[] Jobs =
    [
        ("yearly-credit", "Run yearly credit and carry-forward", "CalendarAdd", true),
        ("carry-over-expiry", "Run carry-over expiry", "CalendarCancel", true),
        ("pending-digest", "Send the pending-requests digest", "MailInbox", true),
        ("backup", "Back up the database now", "DatabaseArrowDown", false),
    ];

    /// <summary>A secret parameter; without a configured value it is generated (and azd generates one when deploying).</summary>
    public static IResourceBuilder<ParameterResource> AddOpsKey(this IDistributedApplicationBuilder builder) =>
        builder.AddParameter(KeyParameterName, new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true);

    public static IResourceBuilder<ProjectResource> WithOperatorCommands(
        this IResourceBuilder<ProjectResource> worker, IResourceBuilder<ParameterResource> opsKey)
    {
        worker.WithEnvironment("Ops__Key", opsKey);
        foreach (var (job, label, icon, takesDate) in Jobs)
        {
            worker.WithHttpCommand($"/ops/jobs/{job}", label, commandName: $"run-{job}", commandOptions: new HttpCommandOptions
            {
                Method = HttpMethod.Post,
                Description = takesDate
                    ? $"POST /ops/jobs/{job} for every company, as of each company's today (idempotent: a period already run changes nothing)."
                    : "POST /ops/jobs/backup: pg_dump, restore check into a scratch database, retention.",
                IconName = icon,
                ConfirmationMessage = $"{label}?",
                ResultMode = HttpCommandResultMode.Json,
                PrepareRequest = async context =>
                {
                    var key = await opsKey.Resource.GetValueAsync(context.CancellationToken);
                    context.Request.Headers.Add(KeyHeader, key);
                },
            });
        }
        return worker;
    }
}
