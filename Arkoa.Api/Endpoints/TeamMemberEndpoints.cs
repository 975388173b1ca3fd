using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Teams;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies/{companyId}/teams/{teamId}/members: who is in a team and which team is their primary one (SPEC §10).</summary>
public static class TeamMemberEndpoints
{
    public static RouteGroupBuilder MapTeamMemberEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/companies/{companyId:guid}/teams/{teamId:guid}/members").WithTags("Teams")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        members.MapGet("/", List).WithName("ListTeamMembers")
            .WithSummary("The team's own members by name (not its sub-teams'), with their role and whether it is their primary team (any member).");
        members.MapPost("/", Add).WithName("AddTeamMember")
            .WithSummary("Puts an active member of the company in the team, as their primary team when isPrimary; adding one already there only sets that (admin).")
            .ProducesValidationProblem();
        members.MapPut("/{membershipId:guid}/primary", SetPrimary).WithName("SetPrimaryTeam")
            .WithSummary("Makes this team the member's primary team, in place of their previous one (admin).");
        members.MapDelete("/{membershipId:guid}", Remove).WithName("RemoveTeamMember")
            .WithSummary("Takes a member out of the team; they stay in the company and in their other teams (admin).");
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<MemberOfTeamResponse>>, ProblemHttpResult>> List(
        Guid companyId, Guid teamId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is null) return Problems.Forbidden();
        if (!await db.Teams.AnyAsync(t => t.Id == teamId && t.CompanyId == companyId, cancellationToken)) return TeamErrors.TeamNotFound.ToProblem();
        var members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == teamId)
            .OrderBy(m => m.Membership!.User!.Name).ThenBy(m => m.MembershipId)
            .Select(m => new MemberOfTeamResponse(m.MembershipId, m.Membership!.User!.Name, m.Membership.Role, m.IsPrimary))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(members as IReadOnlyList<MemberOfTeamResponse>);
    }

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Add(
        Guid companyId, Guid teamId, AddTeamMemberRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken) =>
        db.ChangeTeamAsync(companyId, teamId, context.User.UserId(), async (team, ct) =>
        {
            var membershipId = request.MembershipId!.Value;
            if (await db.MemberRefusalAsync(companyId, membershipId, ct) is { } notMember) return notMember;
            var row = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == team.Id && m.MembershipId == membershipId, ct);
            if (row is null) db.TeamMembers.Add(row = new TeamMember { TeamId = team.Id, MembershipId = membershipId });
            if (request.IsPrimary) await MakePrimaryAsync(db, row, ct);
            return null;
        }, cancellationToken);

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> SetPrimary(
        Guid companyId, Guid teamId, Guid membershipId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken) =>
        db.ChangeTeamAsync(companyId, teamId, context.User.UserId(), async (team, ct) =>
        {
            var row = await db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == team.Id && m.MembershipId == membershipId, ct);
            if (row is null) return TeamErrors.NotInTeam.ToProblem();
            await MakePrimaryAsync(db, row, ct);
            return null;
        }, cancellationToken);

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Remove(
        Guid companyId, Guid teamId, Guid membershipId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken) =>
        db.ChangeTeamAsync(companyId, teamId, context.User.UserId(), async (team, ct) =>
            await db.TeamMembers.Where(m => m.TeamId == team.Id && m.MembershipId == membershipId).ExecuteDeleteAsync(ct) == 0
                ? TeamErrors.NotInTeam.ToProblem() : null, cancellationToken);

    /// <summary>One primary team per member: the previous one is unmarked first (the unique index checks each statement).</summary>
    private static async Task MakePrimaryAsync(ArkoaDbContext db, TeamMember row, CancellationToken cancellationToken)
    {
        if (row.IsPrimary) return;
        await db.TeamMembers.Where(m => m.MembershipId == row.MembershipId && m.IsPrimary)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.IsPrimary, false), cancellationToken);
        row.IsPrimary = true;
    }
}
