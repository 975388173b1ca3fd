using Arkoa.Api.Contracts;
using Arkoa.Api.Exports;
using Arkoa.Api.Http;
using Arkoa.Api.Payroll;
using Arkoa.Core.Data;
using Arkoa.Core.Payroll;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/payroll.csv and /payroll?month=YYYY-MM (issue 18): each member's days of leave taken in a
/// month and their balances at its end, for HR (manager), of the whole company or of one team (?team=).
/// </summary>
public static class PayrollEndpoints
{
    public static RouteGroupBuilder MapPayrollEndpoints(this RouteGroupBuilder api)
    {
        var company = api.MapGroup("/companies/{companyId:guid}").WithTags("Exports")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        company.MapGet("/payroll.csv", Csv).WithName("ExportPayrollMonth")
            .WithSummary("A month's payroll export as CSV: per member the working days of APPROVED leave taken in the month by type, unpaid days, total, and PAID/RTT balances at the month's end (manager).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        company.MapGet("/payroll", Json).WithName("GetPayrollMonth")
            .WithSummary("The same payroll export of a month as JSON (manager).");
        return api;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Csv(
        Guid companyId, [AsParameters] PayrollQuery query, [AsParameters] TeamFilterQuery teamFilter, HttpContext context,
        ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var month = query.ParseMonth(errors);
        var french = query.ParseFrench(errors);
        var (report, invalid, refusal) = await LoadAsync(db, companyId, month, errors, teamFilter, context, cancellationToken);
        if (invalid is not null) return invalid;
        if (refusal is not null) return refusal;
        return TypedResults.Stream(stream => PayrollCsv.WriteAsync(stream, report!, french, context.RequestAborted),
            CsvExport.ContentType, PayrollCsv.FileName(report!));
    }

    private static async Task<Results<Ok<PayrollMonthResponse>, ValidationProblem, ProblemHttpResult>> Json(
        Guid companyId, [AsParameters] PayrollQuery query, [AsParameters] TeamFilterQuery teamFilter, HttpContext context,
        ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var month = query.ParseMonth(errors);
        var (report, invalid, refusal) = await LoadAsync(db, companyId, month, errors, teamFilter, context, cancellationToken);
        if (invalid is not null) return invalid;
        if (refusal is not null) return refusal;
        return TypedResults.Ok(report);
    }

    /// <summary>The report, or why not: a bad query (400, with <paramref name="errors"/> already found), not a manager (403), an unknown team (404).</summary>
    private static async Task<(PayrollMonthResponse? Report, ValidationProblem? Invalid, ProblemHttpResult? Refusal)> LoadAsync(
        ArkoaDbContext db, Guid companyId, PayrollMonth? month, FieldErrors errors, TeamFilterQuery teamFilter, HttpContext context,
        CancellationToken cancellationToken)
    {
        // Validation before access, as the other exports: a bad month is a 400 whoever asks.
        if (errors.Count > 0) return (null, Problems.Fields(errors), null);
        var (company, members, invalid, refusal) = await ExportEndpoints.ScopeAsync(db, companyId, teamFilter, context, cancellationToken);
        if (invalid is not null) return (null, invalid, null);
        if (refusal is not null) return (null, null, refusal);
        return (await PayrollReport.LoadAsync(db, company!, month!.Value, members, cancellationToken), null, null);
    }
}
