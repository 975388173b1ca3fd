using System.Globalization;
using Arkoa.Worker.Backups;
using Arkoa.Worker.Jobs;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Ops;

/// <summary>
/// /ops: on-demand runs for operators and the Aspire dashboard's commands, behind <see cref="OpsKeyFilter"/>.
/// POST /ops/jobs/{job}?asOf=YYYY-MM-DD&amp;companyId=… runs a company job (every company, or one; "as of" defaults to
/// each company's today); POST /ops/jobs/backup takes a verified backup now; GET /ops/backups lists them;
/// GET /ops/status is the health report with each check's details.
/// </summary>
public static class OpsEndpoints
{
    public sealed record JobRunResponse(string Job, IReadOnlyList<JobOutcome> Results);

    public sealed record BackupResponse(string File, long SizeBytes, DateTime TakenAt);

    public sealed record HealthEntryResponse(string Status, string? Description, IReadOnlyDictionary<string, object> Data);

    public sealed record StatusResponse(string Status, IReadOnlyDictionary<string, HealthEntryResponse> Checks);

    public static WebApplication MapOpsEndpoints(this WebApplication app)
    {
        var ops = app.MapGroup("/ops").AddEndpointFilter<OpsKeyFilter>();
        ops.MapPost("/jobs/{job}", RunJob);
        ops.MapGet("/backups", ListBackups);
        ops.MapGet("/status", Status);
        return app;
    }

    private static async Task<Results<Ok<JobRunResponse>, Ok<BackupReport>, ValidationProblem, ProblemHttpResult>> RunJob(
        string job, string? asOf, string? companyId, CompanyJobRunner runner, BackupRunner backups, CancellationToken cancellationToken)
    {
        if (job == BackupScheduler.JobName)
        {
            try
            {
                return TypedResults.Ok(await backups.RunAsync(waitIfBusy: true, cancellationToken));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status500InternalServerError, title: "The backup failed", detail: e.Message);
            }
        }

        if (!CompanyJobRunner.JobNames.Contains(job))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found",
                detail: $"No job '{job}'. Jobs: {string.Join(", ", CompanyJobRunner.JobNames.Append(BackupScheduler.JobName))}.");
        }
        DateOnly? date = null;
        if (!string.IsNullOrEmpty(asOf))
        {
            if (!DateOnly.TryParseExact(asOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                return FieldProblem("asOf", "The date must be YYYY-MM-DD.");
            }
            date = parsed;
        }
        Guid? company = null;
        if (!string.IsNullOrEmpty(companyId))
        {
            if (!Guid.TryParse(companyId, out var parsed)) return FieldProblem("companyId", "The company id must be a UUID.");
            company = parsed;
        }

        var results = await runner.RunAsync(job, date, company, cancellationToken);
        if (company is not null && results.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not Found", detail: "No such company.");
        }
        return TypedResults.Ok(new JobRunResponse(job, results));
    }

    private static Ok<List<BackupResponse>> ListBackups(IOptions<BackupOptions> options) =>
        TypedResults.Ok(options.Value.HasDirectory
            ? BackupFiles.List(options.Value.Directory!).Select(b => new BackupResponse(b.Path, b.SizeBytes, b.TakenAt)).ToList()
            : []);

    private static async Task<Ok<StatusResponse>> Status(HealthCheckService health, CancellationToken cancellationToken)
    {
        var report = await health.CheckHealthAsync(cancellationToken);
        return TypedResults.Ok(new StatusResponse(report.Status.ToString(), report.Entries.ToDictionary(
            e => e.Key,
            e => new HealthEntryResponse(e.Value.Status.ToString(), e.Value.Description, e.Value.Data))));
    }

    private static ValidationProblem FieldProblem(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Invalid request");
}
