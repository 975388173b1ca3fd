using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;
using Arkoa.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies/{companyId}/teams: the company's tree of teams (SPEC §10; members read, admins change).</summary>
public static class TeamEndpoints
{
    public static RouteGroupBuilder MapTeamEndpoints(this RouteGroupBuilder api)
    {
        var teams = api.MapGroup("/companies/{companyId:guid}/teams").WithTags("Teams")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        teams.MapGet("/", List).WithName("ListTeams")
            .WithSummary("Every team of the company by name, with its parent, member count and team managers (any member).");
        teams.MapPost("/", Create).WithName("CreateTeam")
            .WithSummary("Adds a team, at the top or under a team of the company; names are unique ignoring case (admin).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        teams.MapPut("/{teamId:guid}", Update).WithName("UpdateTeam")
            .WithSummary("Renames a team and moves it (null parentTeamId: to the top), never under itself or its sub-teams (admin).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        teams.MapDelete("/{teamId:guid}", Delete).WithName("DeleteTeam")
            .WithSummary("Deletes a team without sub-teams, other than the default team; its members stay in the company (admin).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<TeamResponse>>, ProblemHttpResult>> List(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is not { } caller) return Problems.Forbidden();
        return TypedResults.Ok(await db.TeamsOf(companyId, caller.Id).ToListAsync(cancellationToken) as IReadOnlyList<TeamResponse>);
    }

    private static async Task<Results<Created<TeamResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid companyId, CreateTeamRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || TeamRules.CheckChange(MembershipState.Of(caller)) is not null) return TeamErrors.AdminOnly.ToProblem();
        var name = request.Name!.Trim();

        return await db.InTransactionAsync<Results<Created<TeamResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            // Under the company lock: two admins cannot both take a name, nor both move teams into a cycle.
            await db.LockCompanyAsync(companyId, ct);
            var refusal = TeamRules.CheckName(name, null, await NamesAsync(db, companyId, ct))
                ?? TeamRules.CheckParent(null, request.ParentTeamId, await db.TreeAsync(companyId, ct));
            if (refusal is not null) return refusal.ToProblem();
            var team = new Team { CompanyId = companyId, Name = name, ParentTeamId = request.ParentTeamId };
            db.Teams.Add(team);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/companies/{companyId}/teams/{team.Id}", new TeamResponse(team.Id, team.Name, team.ParentTeamId, false, 0, []));
        }, cancellationToken);
    }

    private static async Task<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid companyId, Guid teamId, UpdateTeamRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || TeamRules.CheckChange(MembershipState.Of(caller)) is not null) return TeamErrors.AdminOnly.ToProblem();
        var name = request.Name!.Trim();

        return await db.InTransactionAsync<Results<Ok<TeamResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId && t.CompanyId == companyId, ct);
            if (team is null) return TeamErrors.TeamNotFound.ToProblem();
            var refusal = TeamRules.CheckName(name, teamId, await NamesAsync(db, companyId, ct))
                ?? TeamRules.CheckParent(teamId, request.ParentTeamId, await db.TreeAsync(companyId, ct));
            if (refusal is not null) return refusal.ToProblem();
            (team.Name, team.ParentTeamId) = (name, request.ParentTeamId);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(await db.TeamsOf(companyId, caller.Id, teamId).SingleAsync(ct));
        }, cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, Guid teamId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || TeamRules.CheckChange(MembershipState.Of(caller)) is not null) return TeamErrors.AdminOnly.ToProblem();

        return await db.InTransactionAsync<Results<NoContent, ProblemHttpResult>>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var team = await db.Teams.SingleOrDefaultAsync(t => t.Id == teamId && t.CompanyId == companyId, ct);
            if (team is null) return TeamErrors.TeamNotFound.ToProblem();
            if (TeamRules.CheckDelete(team, await db.TreeAsync(companyId, ct)) is { } refusal) return refusal.ToProblem();
            db.Teams.Remove(team); // its members and managers rows go with it; the memberships stay
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }, cancellationToken);
    }

    private static async Task<IEnumerable<(Guid, string)>> NamesAsync(ArkoaDbContext db, Guid companyId, CancellationToken cancellationToken) =>
        (await db.Teams.Where(t => t.CompanyId == companyId).Select(t => new { t.Id, t.Name }).ToListAsync(cancellationToken))
            .Select(t => (t.Id, t.Name));

    /// <summary>The company's teams (or the one <paramref name="teamId"/>) as the Api answers <paramref name="callerId"/>, by name.</summary>
    private static IQueryable<TeamResponse> TeamsOf(this ArkoaDbContext db, Guid companyId, Guid callerId, Guid? teamId = null) =>
        db.Teams.AsNoTracking().Where(t => t.CompanyId == companyId && (teamId == null || t.Id == teamId)).OrderBy(t => t.Name).ThenBy(t => t.Id)
            .Select(t => new TeamResponse(t.Id, t.Name, t.ParentTeamId, t.IsDefault, t.Members.Count,
                t.Managers.OrderBy(m => m.Membership!.User!.Name)
                    .Select(m => new TeamManagerResponse(m.MembershipId, m.Membership!.User!.Name)).ToList(),
                t.Members.Any(m => m.MembershipId == callerId), t.Members.Any(m => m.MembershipId == callerId && m.IsPrimary),
                t.MinimumPresent, t.MaximumAbsent));
}
