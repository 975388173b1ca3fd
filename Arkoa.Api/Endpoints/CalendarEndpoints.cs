using System.Text.Json;
using Arkoa.Api.Auth;
using Arkoa.Api.Caching;
using Arkoa.Api.Calendar;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
using Arkoa.Core.LeaveTypes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies/{companyId}/calendar (team view) and /calendar.ics (the iCal feed calendar apps subscribe to).</summary>
public static class CalendarEndpoints
{
    /// <summary>The feed shows approved leaves that ended at most this long ago, and every later one.</summary>
    public const int FeedHistoryDays = 366;

    public static RouteGroupBuilder MapCalendarEndpoints(this RouteGroupBuilder api)
    {
        var company = api.MapGroup("/companies/{companyId:guid}").WithTags("Calendar");
        company.MapGet("/calendar", Get).WithName("GetCalendar")
            .WithSummary("Pending and approved leaves and the holidays of a month, or of a year when month is left out, of the company or of a team and its sub-teams (any member).")
            .Produces<CalendarResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        company.MapGet("/calendar.ics", Feed).WithName("GetCalendarFeed").AllowAnonymous()
            .WithSummary("iCal feed of the company's approved leaves; the token from /api/users/me/calendar-link replaces a session.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> Get(
        Guid companyId, [AsParameters] CalendarQuery query, [AsParameters] TeamFilterQuery teamFilter, HttpContext context,
        ArkoaDbContext db, CompanyViewCache cache, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions,
        CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        var team = teamFilter.Parse(errors);
        QueryValues.TryInt(query.Year, CalendarQuery.MinYear, CalendarQuery.MaxYear, errors, "year", out var year);
        QueryValues.TryInt(query.Month, 1, 12, errors, "month", out var month);
        if (year is null && !errors.ContainsKey("year")) errors.Set("year", ProblemCodes.Required, "year is required.");
        if (errors.Count > 0) return Problems.Fields(errors);

        var (caller, company, version) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || company is null) return Problems.Forbidden(ProblemCodes.NotAMember, "You are not a member of this company.");
        var (members, unknownTeam) = await db.TeamFilterAsync(cache, companyId, version, team, cancellationToken);
        if (unknownTeam is not null) return unknownTeam;
        var period = new CalendarPeriod(year!.Value, month, team, members);

        // Managers see every leave's type; other members see a sensitive one (health, family) as an absence unless it is
        // their own. So a period has one view for the managers, one for the other members, and one for each member who
        // has a sensitive leave in it: each built once per data version (see CompanyViewCache) and kept as its JSON and
        // gzip, because a busy month (1,000 members, ~160 KB) would otherwise be serialised (and compressed) per request.
        var viewer = caller.IsManager ? LeaveViewer.Manager : LeaveViewer.Colleague;
        var view = await CachedViewAsync(db, cache, company, version, period, viewer, jsonOptions.Value.SerializerOptions);
        if (view.HiddenMembers.Contains(caller.Id))
        {
            view = await CachedViewAsync(db, cache, company, version, period, LeaveViewer.Of(caller), jsonOptions.Value.SerializerOptions);
        }
        // The answer depends on who asks: no shared cache may keep it.
        context.Response.Headers.CacheControl = "private";
        return view.Json.ToResult(context);
    }

    /// <summary>One audience's calendar of a period, and the members whose leaves it shows without their type.</summary>
    private sealed record CalendarView(CachedJson Json, IReadOnlySet<Guid> HiddenMembers);

    /// <summary>A year or a month, of the whole company or of one team and its sub-teams (<paramref name="Members"/>).</summary>
    private sealed record CalendarPeriod(int Year, int? Month, Guid? Team, Guid[]? Members);

    private static Task<CalendarView> CachedViewAsync(ArkoaDbContext db, CompanyViewCache cache, Company company, long version,
        CalendarPeriod period, LeaveViewer viewer, JsonSerializerOptions jsonOptions)
    {
        var audience = viewer.IsManager ? "managers" : viewer.MembershipId is { } own ? $"member {own}" : "members";
        // The data version changes with the teams too, so a team's view is never stale either.
        return cache.GetOrBuildAsync("calendar", company.Id, version, $"{period.Year}-{period.Month} {period.Team} {audience}", async () =>
        {
            // Other requests may be waiting for this build: it is not canceled with the request that started it.
            var (calendar, hidden) = await BuildAsync(db, company, period, viewer, CancellationToken.None);
            var json = CachedJson.From(calendar, jsonOptions);
            return (new CalendarView(json, hidden), json.Bytes + 16L * hidden.Count);
        });
    }

    private static async Task<(CalendarResponse Calendar, IReadOnlySet<Guid> HiddenMembers)> BuildAsync(
        ArkoaDbContext db, Company company, CalendarPeriod period, LeaveViewer viewer, CancellationToken cancellationToken)
    {
        var (companyId, year, month) = (company.Id, period.Year, period.Month);
        var from = new DateOnly(year, month ?? 1, 1);
        var to = month is null ? new DateOnly(year, 12, 31) : from.AddMonths(1).AddDays(-1);

        var inPeriod = db.Leaves.AsNoTracking()
            .Where(l => l.Membership!.CompanyId == companyId
                && (l.Status == LeaveStatus.PENDING || l.Status == LeaveStatus.APPROVED)
                && l.StartDate <= to && l.EndDate >= from);
        if (period.Members is { } members) inPeriod = inPeriod.Where(l => members.Contains(l.MembershipId));
        var leaves = await inPeriod
            .OrderBy(l => l.StartDate).ThenBy(l => l.Membership!.User!.Name).ThenBy(l => l.Id)
            .Select(l => new CalendarLeaveResponse(
                l.Id, l.MembershipId, l.Membership!.User!.Name, l.Type, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf, l.Days, l.Status))
            .ToListAsync(cancellationToken);
        var sensitive = (await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken)).Sensitive;
        var hidden = new HashSet<Guid>();
        for (var i = 0; i < leaves.Count; i++)
        {
            if (viewer.SeesTypeOf(leaves[i].MembershipId, leaves[i].Type!.Value, sensitive)) continue;
            hidden.Add(leaves[i].MembershipId);
            leaves[i] = leaves[i] with { Type = null };
        }

        var companyHolidays = await db.CompanyHolidays.AsNoTracking()
            .Where(h => h.CompanyId == companyId && h.Date >= from && h.Date <= to)
            .Select(h => new CalendarHolidayResponse(h.Date, h.Name, HolidayKind.Company))
            .ToListAsync(cancellationToken);
        var publicHolidays = PublicHolidays.SupportedCountries.Contains(company.HolidayCountry)
            ? PublicHolidays.For(company.HolidayCountry, year, company.SolidarityDayWorked)
                .Where(h => h.Date >= from && h.Date <= to)
                .Select(h => new CalendarHolidayResponse(h.Date, h.Name, HolidayKind.Public))
            : [];
        var holidays = publicHolidays.Concat(companyHolidays).OrderBy(h => h.Date).ThenBy(h => h.Kind).ToList();

        return (new CalendarResponse(year, month, from, to, leaves, holidays), hidden);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Feed(
        Guid companyId, [FromQuery(Name = "token")] string? token, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Anything but the token of a user who is an active member of this company looks the same: not found.
        var notFound = Problems.NotFound(ProblemCodes.CalendarNotFound, "The calendar");
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return notFound;
        var subscriber = await db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == companyId && m.Active && m.User!.CalendarToken == token)
            .Select(m => new
            {
                Membership = new Membership { Id = m.Id, Role = m.Role },
                m.User!.Language,
                Company = new Company { Id = m.CompanyId, Name = m.Company!.Name, TimeZone = m.Company.TimeZone },
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (subscriber is null) return notFound;
        var company = subscriber.Company;

        var since = CompanyClock.Today(company, clock).AddDays(-FeedHistoryDays);
        var leaves = await db.Leaves.AsNoTracking()
            .Where(l => l.Membership!.CompanyId == companyId && l.Status == LeaveStatus.APPROVED && l.EndDate >= since)
            .OrderBy(l => l.StartDate).ThenBy(l => l.Id)
            .Select(l => new FeedLeave(l.Id, l.MembershipId, l.Membership!.User!.Name, l.Type, l.StartDate, l.EndDate, l.StartHalf,
                l.EndHalf, l.Days, l.Version, l.UpdatedAt))
            .ToListAsync(cancellationToken);
        // The subscriber sees what the calendar shows them: a colleague's sensitive leave is an absence, with no type.
        var viewer = LeaveViewer.Of(subscriber.Membership);
        var types = await CompanyLeaveTypes.LoadAsync(db, companyId, cancellationToken);
        var shown = leaves.Select(l => viewer.SeesTypeOf(l.MembershipId, l.Type!.Value, types.Sensitive) ? l : l with { Type = null });

        // The address carries a secret: no shared cache may keep the answer.
        context.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Text(LeaveFeed.Write(company.Name, shown, FeedText.For(subscriber.Language, types)), LeaveFeed.ContentType);
    }
}
