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

/// <summary>
/// /api/companies/{companyId}/teams/{teamId}/managers: who manages a team, and so sees and decides the requests of its
/// members and its sub-teams' members (SPEC §10). The list is in the teams' list (<c>managers</c>).
/// </summary>
public static class TeamManagerEndpoints
{
    public static RouteGroupBuilder MapTeamManagerEndpoints(this RouteGroupBuilder api)
    {
        var managers = api.MapGroup("/companies/{companyId:guid}/teams/{teamId:guid}/managers").WithTags("Teams")
            .ProducesProblem(StatusCodes.Status403Forbidden).ProducesProblem(StatusCodes.Status404NotFound);
        managers.MapPost("/", Add).WithName("AddTeamManager")
            .WithSummary("Makes an active member of the company (any role) a manager of the team; one already so stays so (admin).")
            .ProducesValidationProblem();
        managers.MapDelete("/{membershipId:guid}", Remove).WithName("RemoveTeamManager")
            .WithSummary("The member no longer manages the team; they stay in it if they were a member (admin).");
        return api;
    }

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Add(
        Guid companyId, Guid teamId, AddTeamManagerRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken) =>
        db.ChangeTeamAsync(companyId, teamId, context.User.UserId(), async (team, ct) =>
        {
            var membershipId = request.MembershipId!.Value;
            if (await db.MemberRefusalAsync(companyId, membershipId, ct) is { } notMember) return notMember;
            if (!await db.TeamManagers.AnyAsync(m => m.TeamId == team.Id && m.MembershipId == membershipId, ct))
            {
                db.TeamManagers.Add(new TeamManager { TeamId = team.Id, MembershipId = membershipId });
            }
            return null;
        }, cancellationToken);

    private static Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Remove(
        Guid companyId, Guid teamId, Guid membershipId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken) =>
        db.ChangeTeamAsync(companyId, teamId, context.User.UserId(), async (team, ct) =>
            await db.TeamManagers.Where(m => m.TeamId == team.Id && m.MembershipId == membershipId).ExecuteDeleteAsync(ct) == 0
                ? TeamErrors.NotTeamManager.ToProblem() : null, cancellationToken);
}
