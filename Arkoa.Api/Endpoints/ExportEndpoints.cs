using Arkoa.Api.Auth;
using Arkoa.Api.Exports;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/leave-balances.csv and /history.csv: spreadsheets for HR (manager), of the whole company or
/// of one team and its sub-teams (?team=).
/// </summary>
public static class ExportEndpoints
{
    public static RouteGroupBuilder MapExportEndpoints(this RouteGroupBuilder api)
    {
        var company = api.MapGroup("/companies/{companyId:guid}").WithTags("Exports")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        company.MapGet("/leave-balances.csv", Balances).WithName("ExportLeaveBalances")
            .WithSummary("Every member's balances as CSV: memberName, email, active, type, remainingDays (manager).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        company.MapGet("/history.csv", History).WithName("ExportBalanceHistory")
            .WithSummary("Every balance change of the company as CSV, oldest first: date, member, type, change, history type, reason, actor (manager).")
            .Produces<string>(StatusCodes.Status200OK, "text/csv");
        return api;
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> Balances(
        Guid companyId, [AsParameters] TeamFilterQuery teamFilter, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (company, members, invalid, refusal) = await ScopeAsync(db, companyId, teamFilter, context, cancellationToken);
        if (invalid is not null) return invalid;
        if (refusal is not null) return refusal;

        var rows = db.Memberships.AsNoTracking().Where(m => m.CompanyId == companyId && (members == null || members.Contains(m.Id)))
            .SelectMany(m => m.Balances, (m, b) => new { m.User!.Name, m.User.Email, m.Active, m.Id, b.Type, b.RemainingDays })
            .OrderBy(r => r.Name).ThenBy(r => r.Email).ThenBy(r => r.Id).ThenBy(r => r.Type)
            .AsAsyncEnumerable();
        return TypedResults.Stream(async stream =>
        {
            await using var csv = CsvExport.Create(stream);
            csv.WriteHeader(["memberName", "email", "active", "type", "remainingDays"]);
            await foreach (var row in rows.WithCancellation(context.RequestAborted))
            {
                csv.WriteField(row.Name);
                csv.WriteField(row.Email);
                csv.WriteField(row.Active);
                csv.WriteField(row.Type.ToString());
                csv.WriteField(row.RemainingDays, "0.##");
                await csv.EndRecordAsync(context.RequestAborted);
            }
            await csv.FlushAsync(context.RequestAborted);
        }, CsvExport.ContentType, $"leave-balances-{CompanyClock.Today(company!, clock):yyyy-MM-dd}.csv");
    }

    private static async Task<Results<PushStreamHttpResult, ValidationProblem, ProblemHttpResult>> History(
        Guid companyId, [AsParameters] TeamFilterQuery teamFilter, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (company, members, invalid, refusal) = await ScopeAsync(db, companyId, teamFilter, context, cancellationToken);
        if (invalid is not null) return invalid;
        if (refusal is not null) return refusal;

        var rows = (
                from h in db.LeaveBalanceHistory.AsNoTracking()
                join m in db.Memberships on h.LeaveBalance!.MembershipId equals m.Id
                where m.CompanyId == companyId && (members == null || members.Contains(m.Id))
                orderby h.CreatedAt, h.Id
                select new
                {
                    h.CreatedAt, m.User!.Name, m.User.Email, LeaveType = h.LeaveBalance!.Type, h.Change, h.Type, h.Reason,
                    ActorName = h.Actor == null ? null : h.Actor.Name,
                })
            .AsAsyncEnumerable();
        return TypedResults.Stream(async stream =>
        {
            await using var csv = CsvExport.Create(stream);
            csv.WriteHeader(["date", "memberName", "email", "type", "change", "historyType", "reason", "actor"]);
            await foreach (var row in rows.WithCancellation(context.RequestAborted))
            {
                csv.WriteField(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc), "yyyy-MM-dd'T'HH:mm:ss'Z'");
                csv.WriteField(row.Name);
                csv.WriteField(row.Email);
                csv.WriteField(row.LeaveType.ToString());
                csv.WriteField(row.Change, "0.##");
                csv.WriteField(row.Type.ToString());
                csv.WriteField(row.Reason);
                // No actor: a scheduled job made the change (SPEC §2).
                csv.WriteField(row.ActorName ?? "(system)");
                await csv.EndRecordAsync(context.RequestAborted);
            }
            await csv.FlushAsync(context.RequestAborted);
        }, CsvExport.ContentType, $"leave-balance-history-{CompanyClock.Today(company!, clock):yyyy-MM-dd}.csv");
    }

    /// <summary>
    /// The company when the caller manages it and the members the <c>team</c> filter keeps (null: everyone), or why not:
    /// a team id that is not a UUID (400), not a manager (403), not a team of the company (404).
    /// </summary>
    internal static async Task<(Company? Company, Guid[]? Members, ValidationProblem? Invalid, ProblemHttpResult? Refusal)> ScopeAsync(
        ArkoaDbContext db, Guid companyId, TeamFilterQuery teamFilter, HttpContext context, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var team = teamFilter.Parse(errors);
        if (errors.Count > 0) return (null, null, Problems.Fields(errors), null);
        if (await CompanyOfManagerAsync(db, companyId, context, cancellationToken) is not { } company) return (null, null, null, Forbidden());
        var (members, unknownTeam) = await db.TeamFilterAsync(companyId, team, cancellationToken);
        return (company, members, null, unknownTeam);
    }

    /// <summary>The company when the caller manages it, else null.</summary>
    private static async Task<Company?> CompanyOfManagerAsync(ArkoaDbContext db, Guid companyId, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        return caller is { IsManager: true } ? await db.CompanySettingsAsync(companyId, cancellationToken) : null;
    }

    private static ProblemHttpResult Forbidden() => Problems.Forbidden(ProblemCodes.ManagerOnlyExport, "Only a manager of this company can export its data.");
}
