using System.ComponentModel;
using Arkoa.Api.Auth;
using Arkoa.Api.Capacity;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Capacity;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.LeaveTypes;
using Arkoa.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies/{companyId}/blackout-periods: dates when the company or a team takes no leave of some types (SPEC §12; members read, admins write).</summary>
public static class BlackoutPeriodEndpoints
{
    public static RouteGroupBuilder MapBlackoutPeriodEndpoints(this RouteGroupBuilder api)
    {
        var periods = api.MapGroup("/companies/{companyId:guid}/blackout-periods").WithTags("Capacity")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        periods.MapGet("/", List).WithName("ListBlackoutPeriods")
            .WithSummary("The company's blackout periods by start date, all of them or those ending on or after a date (any member).")
            .ProducesValidationProblem();
        periods.MapPost("/", Create).WithName("CreateBlackoutPeriod")
            .WithSummary("Adds a blackout period for the company or a team and its sub-teams: requests of its types (PAID, RTT and UNPAID by default) on its working days are refused, or only warned about with effect WARN (admin).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        periods.MapDelete("/{periodId:guid}", Delete).WithName("DeleteBlackoutPeriod")
            .WithSummary("Removes a blackout period; leaves already taken are not touched (admin).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<BlackoutPeriodResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid companyId, [FromQuery(Name = "endingFrom"), Description("YYYY-MM-DD: only the periods that end on or after it.")] string? endingFromText,
        HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        QueryValues.TryDate(endingFromText, errors, "endingFrom", out var endingFrom);
        if (errors.Count > 0) return Problems.Fields(errors);
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is null) return Problems.Forbidden();

        var query = db.BlackoutPeriods.AsNoTracking().Include(p => p.Team).Where(p => p.CompanyId == companyId);
        if (endingFrom is { } from) query = query.Where(p => p.EndDate >= from);
        var periods = await query.OrderBy(p => p.StartDate).ThenBy(p => p.Name).ThenBy(p => p.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(periods.Select(p => p.ToResponse()).ToList() as IReadOnlyList<BlackoutPeriodResponse>);
    }

    private static async Task<Results<Created<BlackoutPeriodResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid companyId, CreateBlackoutPeriodRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller?.Role != UserRole.ADMIN) return Problems.Forbidden(ProblemCodes.AdminOnlyBlackouts, "Only an admin can change blackout periods.");
        var name = request.Name!.Trim();
        if (name.Length == 0) return Problems.Field("name", ProblemCodes.NameBlank, "The name cannot be blank.");
        var companyTypes = await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken);
        if (companyTypes.UnknownAmong(request.LeaveTypes, "leaveTypes") is { } unknown) return unknown.ToProblem();
        var types = (request.LeaveTypes ?? BlackoutPeriod.DefaultLeaveTypes).Distinct().Order().ToArray();
        if (BlackoutRules.Check(request.StartDate!.Value, request.EndDate!.Value, types) is { } refusal) return refusal.ToProblem();
        Team? team = null;
        if (request.TeamId is { } teamId
            && (team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId && t.CompanyId == companyId, cancellationToken)) is null)
        {
            return TeamErrors.TeamNotFound.ToProblem();
        }

        var period = new BlackoutPeriod
        {
            CompanyId = companyId, TeamId = team?.Id, Name = name, StartDate = request.StartDate.Value, EndDate = request.EndDate.Value,
            LeaveTypes = types, Effect = request.Effect ?? BlackoutEffect.REFUSE,
        };
        db.BlackoutPeriods.Add(period);
        await db.SaveChangesAsync(cancellationToken);
        period.Team = team;
        return TypedResults.Created($"/api/companies/{companyId}/blackout-periods/{period.Id}", period.ToResponse());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, Guid periodId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller?.Role != UserRole.ADMIN) return Problems.Forbidden(ProblemCodes.AdminOnlyBlackouts, "Only an admin can change blackout periods.");
        var deleted = await db.BlackoutPeriods.Where(p => p.Id == periodId && p.CompanyId == companyId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? CapacityErrors.BlackoutNotFound.ToProblem() : TypedResults.NoContent();
    }
}
