using Arkoa.Api.Auth;
using Arkoa.Api.Caching;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Leaves;
using Arkoa.Api.Teams;
using Arkoa.Core.Approvals;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.LeaveTypes;
using Arkoa.Core.Leaves;
using Arkoa.Core.Text;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// Manager views over the whole company, or one team and its sub-teams (?team=): /api/companies/{companyId}/leaves,
/// /leaves/stats and /stats. A team manager sees the leaves list of the members they decide for (SPEC §10), an
/// approver the requests waiting for them at an approval chain's step (SPEC §11).
/// </summary>
public static class CompanyLeaveEndpoints
{
    public static RouteGroupBuilder MapCompanyLeaveEndpoints(this RouteGroupBuilder api)
    {
        var company = api.MapGroup("/companies/{companyId:guid}").WithTags("Company leaves")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        company.MapGet("/leaves", List).WithName("ListCompanyLeaves")
            .WithSummary("Every leave of the company (company manager) or of the members of the caller's teams and sub-teams but theirs (team manager), filtered by team, status, type, dates, member name (q) and waitingForMe (the requests waiting for the caller's decision, approval chains' current steps included): PENDING first, the earliest start first (the most urgent decision), then the others, the latest start first; or sorted by start, member, days, decided or requested.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        company.MapGet("/leaves/stats", LeaveStats).WithName("GetLeaveStats")
            .WithSummary("How many leaves of active members, of the company or of a team and its sub-teams, are in each status (manager).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        company.MapGet("/stats", CompanyStats).WithName("GetCompanyStats")
            .WithSummary("Active members, members on approved leave today, pending requests, average PAID balance, of the company or of a team and its sub-teams (manager).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    /// <summary>The columns the company's leaves sort on (?sort=); by default the pending queue's order.</summary>
    private static readonly string[] SortKeys = ["start", "member", "days", "decided", "requested"];

    private static async Task<Results<Ok<PagedList<CompanyLeaveResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid companyId, [AsParameters] LeaveFilterQuery filter, [AsParameters] SearchQuery search, [AsParameters] SortQuery sortQuery,
        [AsParameters] PageQuery page, [AsParameters] TeamFilterQuery teamFilter, [AsParameters] WaitingForMeQuery waiting,
        HttpContext context, ArkoaDbContext db, CompanyViewCache cache, TimeProvider clock, CancellationToken cancellationToken)
    {
        var errors = page.Errors();
        errors.AddRange(filter.Errors());
        var member = search.Pattern(errors);
        var sort = sortQuery.Parse(SortKeys, errors);
        var team = teamFilter.Parse(errors);
        if (errors.Count > 0) return Problems.Fields(errors);
        var (caller, company, version) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || company is null) return Problems.Forbidden(ProblemCodes.ManagerOnlyCompanyView, "Only a manager of this company can see this.");
        var actor = await db.LeaveActorAsync(cache, version, caller, cancellationToken);
        if (!actor.DecidesForSomeone) return Problems.Forbidden(ProblemCodes.ManagerOnlyCompanyView, "Only a manager of this company can see this.");
        var (members, unknownTeam) = await db.TeamFilterAsync(cache, companyId, version, team, cancellationToken);
        if (unknownTeam is not null) return unknownTeam;
        // A team manager sees the leaves of the members they decide for, not their own (SPEC §10), and anyone the
        // requests whose approval step waits for them (SPEC §11).
        var decided = actor.IsManager ? null : actor.TeamMemberIds.Where(id => id != caller.Id).ToArray();
        var scope = new LeaveScope(caller.Id, decided, actor.AwaitedLeaveIds.ToArray(), waiting.WaitingForMe == true);

        // Every manager of the company sees the same pages (the pending queue above all), and each team manager theirs:
        // built once per data version, which also changes with the teams. What waits for one person is theirs alone,
        // and an ALL step's decision changes it without changing the leave: built each time.
        PagedList<CompanyLeaveResponse> list;
        if (scope.Personal) list = await BuildPageAsync(db, companyId, filter, member, sort, page, members, scope, cancellationToken);
        else
        {
            var audience = actor.IsManager ? "managers" : $"team manager {caller.Id}";
            var variant = $"{audience}|{team}|{filter.CacheKey()}|{member}|{sort}|{page.Number}|{page.Size}";
            list = await cache.GetOrBuildAsync("leaves", companyId, version, variant, async () =>
            {
                var built = await BuildPageAsync(db, companyId, filter, member, sort, page, members, scope, CancellationToken.None); // shared by concurrent misses
                return (built, 512 + 400L * built.Items.Count);
            });
        }
        var today = CompanyClock.Today(company, clock);
        return TypedResults.Ok(list with { Items = list.Items.Select(l => l.For(actor, today)).ToList() });
    }

    private static async Task<PagedList<CompanyLeaveResponse>> BuildPageAsync(
        ArkoaDbContext db, Guid companyId, LeaveFilterQuery filter, string? member, ListSort? sort, PageQuery page,
        Guid[]? teamMembers, LeaveScope scope, CancellationToken cancellationToken)
    {
        var query = filter.Apply(db.Leaves.AsNoTracking().Where(l => l.Membership!.CompanyId == companyId));
        if (teamMembers is not null) query = query.Where(l => teamMembers.Contains(l.MembershipId));
        query = scope.Apply(query);
        // Accents and case ignored on both sides: "helene" finds "Hélène" and "HÉLÈNE" finds "Helene" (SqlFunctions.Unaccent).
        if (member is not null)
        {
            query = query.Where(l => EF.Functions.ILike(SqlFunctions.Unaccent(l.Membership!.User!.Name), SqlFunctions.Unaccent(member), SearchPattern.Escape));
        }
        var sorted = sort switch
        {
            { Key: "start" } => query.OrderBy(l => l.StartDate, sort.Descending),
            { Key: "member" } => query.OrderBy(l => l.Membership!.User!.Name, sort.Descending).ThenByDescending(l => l.StartDate),
            { Key: "days" } => query.OrderBy(l => l.Days, sort.Descending).ThenByDescending(l => l.StartDate),
            // Leaves nobody decided (pending, withdrawn) come last whichever way the decisions go.
            { Key: "decided" } => query.OrderBy(l => l.ReviewedAt == null).ThenBy(l => l.ReviewedAt, sort.Descending),
            { Key: "requested" } => query.OrderBy(l => l.CreatedAt, sort.Descending),
            // A pending request waits on the manager: the one that starts soonest is the one to decide first.
            _ => query.OrderBy(l => l.Status == LeaveStatus.PENDING ? 0 : 1)
                .ThenBy(l => l.Status == LeaveStatus.PENDING ? l.StartDate : DateOnly.MinValue)
                .ThenByDescending(l => l.StartDate),
        };
        // The page and the total in one round trip: the count is an uncorrelated subquery Postgres runs once.
        var rows = await sorted.ThenBy(l => l.Id)
            .Skip(page.Skip).Take(page.Size)
            .AsCompanyLeaves(db)
            .Select(item => new { Item = item, Total = query.Count() })
            .ToListAsync(cancellationToken);
        var total = rows.Count > 0 ? rows[0].Total : page.Number == 1 ? 0 : await query.CountAsync(cancellationToken);
        return new PagedList<CompanyLeaveResponse>(rows.Select(r => r.Item).ToList(), total, page.Number, page.Size);
    }

    private static async Task<Results<Ok<LeaveStatsResponse>, ValidationProblem, ProblemHttpResult>> LeaveStats(
        Guid companyId, [AsParameters] TeamFilterQuery teamFilter, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var team = teamFilter.Parse(errors);
        if (errors.Count > 0) return Problems.Fields(errors);
        if (await ManagerAsync(db, companyId, context, cancellationToken) is { } denied) return denied;
        var (members, unknownTeam) = await db.TeamFilterAsync(companyId, team, cancellationToken);
        if (unknownTeam is not null) return unknownTeam;

        var leaves = db.Leaves.AsNoTracking().Where(l => l.Membership!.CompanyId == companyId && l.Membership.Active);
        if (members is not null) leaves = leaves.Where(l => members.Contains(l.MembershipId));
        var counts = await leaves
            .GroupBy(l => l.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Status, g => g.Count, cancellationToken);
        int Count(LeaveStatus status) => counts.GetValueOrDefault(status);
        return TypedResults.Ok(new LeaveStatsResponse(counts.Values.Sum(),
            Count(LeaveStatus.PENDING), Count(LeaveStatus.APPROVED), Count(LeaveStatus.REJECTED), Count(LeaveStatus.CANCELED)));
    }

    private static async Task<Results<Ok<CompanyStatsResponse>, ValidationProblem, ProblemHttpResult>> CompanyStats(
        Guid companyId, [AsParameters] TeamFilterQuery teamFilter, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CompanyViewCache cache, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var team = teamFilter.Parse(errors);
        if (errors.Count > 0) return Problems.Fields(errors);
        var (caller, company, version) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is not { IsManager: true } || company is null) return Problems.Forbidden(ProblemCodes.ManagerOnlyCompanyView, "Only a manager of this company can see this.");
        var (members, unknownTeam) = await db.TeamFilterAsync(companyId, team, cancellationToken);
        if (unknownTeam is not null) return unknownTeam;
        var today = CompanyClock.Today(company, clock);

        // The same figures for every manager until the company's data changes or its day does (see CompanyViewCache).
        var variant = $"{today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)}|{team}";
        var stats = await cache.GetOrBuildAsync("stats", companyId, version, variant,
            async () => (await BuildStatsAsync(db, companyId, today, members, CancellationToken.None), 256L)); // shared by concurrent misses
        return TypedResults.Ok(stats);
    }

    private static async Task<CompanyStatsResponse> BuildStatsAsync(
        ArkoaDbContext db, Guid companyId, DateOnly today, Guid[]? teamMembers, CancellationToken cancellationToken)
    {
        // A type the company says is no absence (its CountsAsAbsence) puts nobody "on leave".
        var notAbsences = (await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken)).All
            .Where(t => !t.CountsAsAbsence).Select(t => t.Code).ToList();
        // One round trip: each figure is a subquery over the company's (or the team's) active members.
        var stats = await db.Companies.AsNoTracking().Where(c => c.Id == companyId)
            .Select(c => new { Active = c.Memberships.Where(m => m.Active && (teamMembers == null || teamMembers.Contains(m.Id))) })
            .Select(c => new
            {
                Employees = c.Active.Count(),
                OnLeave = c.Active.Count(m => m.Leaves.Any(l =>
                    l.Status == LeaveStatus.APPROVED && l.StartDate <= today && l.EndDate >= today && !notAbsences.Contains(l.Type))),
                Pending = c.Active.SelectMany(m => m.Leaves).Count(l => l.Status == LeaveStatus.PENDING),
                PaidTotal = c.Active.SelectMany(m => m.Balances)
                    .Where(b => b.Type == LeaveType.PAID).Sum(b => (decimal?)b.RemainingDays) ?? 0m,
            })
            .SingleAsync(cancellationToken);
        // A member without a PAID balance row has 0 days: they count in the average.
        var average = stats.Employees == 0 ? 0m : Math.Round(stats.PaidTotal / stats.Employees, 1, MidpointRounding.AwayFromZero);
        return new CompanyStatsResponse(stats.Employees, stats.OnLeave, stats.Pending, average);
    }

    /// <summary>Null when the caller manages the company; otherwise the 403 to answer.</summary>
    private static async Task<ProblemHttpResult?> ManagerAsync(ArkoaDbContext db, Guid companyId, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        return caller is { IsManager: true } ? null : Problems.Forbidden(ProblemCodes.ManagerOnlyCompanyView, "Only a manager of this company can see this.");
    }
}
