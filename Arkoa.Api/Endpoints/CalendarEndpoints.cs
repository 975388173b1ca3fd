using Arkoa.Api.Auth;
using Arkoa.Api.Caching;
using Arkoa.Api.Calendar;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
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
            .WithSummary("Pending and approved leaves and the holidays of a month, or of a year when month is left out (any member).")
            .Produces<CalendarResponse>(StatusCodes.Status200OK)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        company.MapGet("/calendar.ics", Feed).WithName("GetCalendarFeed").AllowAnonymous()
            .WithSummary("iCal feed of the company's approved leaves; the token from /api/users/me/calendar-link replaces a session.")
            .Produces<string>(StatusCodes.Status200OK, "text/calendar")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> Get(
        Guid companyId, [AsParameters] CalendarQuery query, HttpContext context, ArkoaDbContext db, CompanyViewCache cache,
        IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> jsonOptions, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        QueryValues.TryInt(query.Year, CalendarQuery.MinYear, CalendarQuery.MaxYear, errors, "year", out var year);
        QueryValues.TryInt(query.Month, 1, 12, errors, "month", out var month);
        if (year is null && !errors.ContainsKey("year")) errors["year"] = ["year is required."];
        if (errors.Count > 0) return Problems.Fields(errors);

        var (caller, company, version) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || company is null) return Problems.Forbidden("You are not a member of this company.");

        // Every member of the company sees the same calendar: built once per data version (see CompanyViewCache), and
        // kept as its JSON and gzip, because a busy month (1,000 members, ~160 KB) would otherwise be serialised (and
        // compressed) per request.
        var calendar = await cache.GetOrBuildAsync("calendar", companyId, version, $"{year}-{month}", async () =>
        {
            // Other requests may be waiting for this build: it is not canceled with the request that started it.
            var built = await BuildAsync(db, company, year!.Value, month, CancellationToken.None);
            var json = CachedJson.From(built, jsonOptions.Value.SerializerOptions);
            return (json, json.Bytes);
        });
        return calendar.ToResult(context);
    }

    private static async Task<CalendarResponse> BuildAsync(ArkoaDbContext db, Company company, int year, int? month, CancellationToken cancellationToken)
    {
        var companyId = company.Id;
        var from = new DateOnly(year, month ?? 1, 1);
        var to = month is null ? new DateOnly(year, 12, 31) : from.AddMonths(1).AddDays(-1);

        var leaves = await db.Leaves.AsNoTracking()
            .Where(l => l.Membership!.CompanyId == companyId
                && (l.Status == LeaveStatus.PENDING || l.Status == LeaveStatus.APPROVED)
                && l.StartDate <= to && l.EndDate >= from)
            .OrderBy(l => l.StartDate).ThenBy(l => l.Membership!.User!.Name).ThenBy(l => l.Id)
            .Select(l => new CalendarLeaveResponse(
                l.Id, l.MembershipId, l.Membership!.User!.Name, l.Type, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf, l.Days, l.Status))
            .ToListAsync(cancellationToken);

        var companyHolidays = await db.CompanyHolidays.AsNoTracking()
            .Where(h => h.CompanyId == companyId && h.Date >= from && h.Date <= to)
            .Select(h => new CalendarHolidayResponse(h.Date, h.Name, HolidayKind.Company))
            .ToListAsync(cancellationToken);
        var publicHolidays = PublicHolidays.SupportedCountries.Contains(company.HolidayCountry)
            ? PublicHolidays.For(company.HolidayCountry, year)
                .Where(h => h.Date >= from && h.Date <= to)
                .Select(h => new CalendarHolidayResponse(h.Date, h.Name, HolidayKind.Public))
            : [];
        var holidays = publicHolidays.Concat(companyHolidays).OrderBy(h => h.Date).ThenBy(h => h.Kind).ToList();

        return new CalendarResponse(year, month, from, to, leaves, holidays);
    }

    private static async Task<Results<ContentHttpResult, ProblemHttpResult>> Feed(
        Guid companyId, [FromQuery(Name = "token")] string? token, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        // Anything but the token of a user who is an active member of this company looks the same: not found.
        var notFound = Problems.NotFound("The calendar");
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return notFound;
        var subscribed = await db.Users.AsNoTracking()
            .AnyAsync(u => u.CalendarToken == token
                && u.Memberships.Any(m => m.CompanyId == companyId && m.Active), cancellationToken);
        if (!subscribed) return notFound;
        var company = await db.CompanySettingsAsync(companyId, cancellationToken);
        if (company is null) return notFound;

        var since = CompanyClock.Today(company, clock).AddDays(-FeedHistoryDays);
        var leaves = await db.Leaves.AsNoTracking()
            .Where(l => l.Membership!.CompanyId == companyId && l.Status == LeaveStatus.APPROVED && l.EndDate >= since)
            .OrderBy(l => l.StartDate).ThenBy(l => l.Id)
            .Select(l => new FeedLeave(l.Id, l.Membership!.User!.Name, l.Type, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf,
                l.Days, l.Version, l.UpdatedAt))
            .ToListAsync(cancellationToken);

        // The address carries a secret: no shared cache may keep the answer.
        context.Response.Headers.CacheControl = "private, no-cache";
        return TypedResults.Text(LeaveFeed.Write(company.Name, leaves), LeaveFeed.ContentType);
    }
}
