using System.ComponentModel;
using Arkoa.Api.Auth;
using Arkoa.Api.Capacity;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Capacity;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies/{companyId}/teams/{teamId}/coverage and /capacity: a team's coverage rule and its days (SPEC §12).</summary>
public static class TeamCapacityEndpoints
{
    public const int DefaultWeeks = 8, MaxWeeks = 26;

    public static RouteGroupBuilder MapTeamCapacityEndpoints(this RouteGroupBuilder api)
    {
        var team = api.MapGroup("/companies/{companyId:guid}/teams/{teamId:guid}").WithTags("Capacity")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        team.MapPut("/coverage", SetCoverage).WithName("SetTeamCoverage")
            .WithSummary("Sets the team's coverage rule: at least minimumPresent of its members (sub-teams included) present, at most maximumAbsent away; null for none (admin).")
            .ProducesValidationProblem();
        team.MapGet("/capacity", Capacity).WithName("GetTeamCapacity")
            .WithSummary("The team's members present per day against its rule, from a date (the company's today by default) for a number of weeks (8 by default, up to 26), counting approved and, apart, pending leaves (any member).")
            .Produces<TeamCapacityResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem();
        return api;
    }

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetCoverage(
        Guid companyId, Guid teamId, TeamCoverageRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken) =>
        db.ChangeTeamAsync(companyId, teamId, context.User.UserId(), (team, _) =>
        {
            var rule = new CoverageRule(request.MinimumPresent, request.MaximumAbsent);
            if (rule.Check() is { } refusal) return Task.FromResult<ProblemHttpResult?>(refusal.ToProblem());
            (team.MinimumPresent, team.MaximumAbsent) = (rule.MinimumPresent, rule.MaximumAbsent);
            return Task.FromResult<ProblemHttpResult?>(null);
        }, cancellationToken);

    private static async Task<Results<Ok<TeamCapacityResponse>, ValidationProblem, ProblemHttpResult>> Capacity(
        Guid companyId, Guid teamId,
        [FromQuery(Name = "from"), Description("YYYY-MM-DD, the first day; the company's today by default.")] string? fromText,
        [FromQuery(Name = "weeks"), Description("1 to 26 weeks from the first day; 8 by default.")] string? weeksText,
        HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        QueryValues.TryDate(fromText, errors, "from", out var fromDate);
        QueryValues.TryInt(weeksText, 1, MaxWeeks, errors, "weeks", out var weeks);
        if (errors.Count > 0) return Problems.Fields(errors);
        var (caller, company, _) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || company is null) return Problems.Forbidden(ProblemCodes.NotAMember, "You are not a member of this company.");
        var team = await db.Teams.AsNoTracking().SingleOrDefaultAsync(t => t.Id == teamId && t.CompanyId == companyId, cancellationToken);
        if (team is null) return TeamErrors.TeamNotFound.ToProblem();

        var from = fromDate ?? CompanyClock.Today(company, clock);
        // Dates end with 2199 (DateBounds): a period asked for near the end is cut there.
        var to = DateOnly.FromDayNumber(Math.Min(from.DayNumber + (weeks ?? DefaultWeeks) * 7 - 1, DateBounds.Max.DayNumber));
        var tree = await db.TreeAsync(companyId, cancellationToken);
        var days = await db.CoverageAsync(company, tree, team, from, to, cancellationToken);
        return TypedResults.Ok(new TeamCapacityResponse(team.Id, team.Name, from, to, team.MinimumPresent, team.MaximumAbsent,
            days.Select(d => new CoverageDayResponse(d.Date, d.IsWorkingDay, d.Headcount, d.Absent, d.AbsentWithPending, d.Present,
                d.PresentWithPending, d.Breached, d.BreachedWithPending)).ToList()));
    }
}
