using System.ComponentModel;
using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies/{companyId}/holidays: the company's own closed days (members read, admins write).</summary>
public static class CompanyHolidayEndpoints
{
    public static RouteGroupBuilder MapCompanyHolidayEndpoints(this RouteGroupBuilder api)
    {
        var holidays = api.MapGroup("/companies/{companyId:guid}/holidays").WithTags("Companies")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        holidays.MapGet("/", List).WithName("ListCompanyHolidays")
            .WithSummary("The company's own holidays by date, all of them or one year's (any member).")
            .ProducesValidationProblem();
        holidays.MapPost("/", Create).WithName("CreateCompanyHoliday")
            .WithSummary("Adds a company holiday; a day has at most one (admin).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        holidays.MapGet("/{holidayId:guid}", Get).WithName("GetCompanyHoliday")
            .WithSummary("One company holiday (any member).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        holidays.MapDelete("/{holidayId:guid}", Delete).WithName("DeleteCompanyHoliday")
            .WithSummary("Removes a company holiday (admin).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<PagedList<CompanyHolidayResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid companyId, [FromQuery(Name = "year"), Description("1900 to 2199: only that year's holidays.")] string? yearText,
        [AsParameters] PageQuery page, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var errors = page.Errors();
        QueryValues.TryInt(yearText, DateBounds.Min.Year, DateBounds.Max.Year, errors, "year", out var year);
        if (errors.Count > 0) return Problems.Fields(errors);
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is null) return Problems.Forbidden();

        var query = db.CompanyHolidays.AsNoTracking().Where(h => h.CompanyId == companyId);
        if (year is { } y) query = query.Where(h => h.Date >= new DateOnly(y, 1, 1) && h.Date <= new DateOnly(y, 12, 31));
        var total = await query.CountAsync(cancellationToken);
        var items = await query.OrderBy(h => h.Date).ThenBy(h => h.Id).Skip(page.Skip).Take(page.Size)
            .Select(h => new CompanyHolidayResponse(h.Id, h.Date, h.Name)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<CompanyHolidayResponse>(items, total, page.Number, page.Size));
    }

    private static async Task<Results<Ok<CompanyHolidayResponse>, ProblemHttpResult>> Get(
        Guid companyId, Guid holidayId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is null) return Problems.Forbidden();
        var holiday = await db.CompanyHolidays.AsNoTracking().Where(h => h.Id == holidayId && h.CompanyId == companyId)
            .Select(h => new CompanyHolidayResponse(h.Id, h.Date, h.Name)).SingleOrDefaultAsync(cancellationToken);
        return holiday is null ? Problems.NotFound(ProblemCodes.HolidayNotFound, "The holiday") : TypedResults.Ok(holiday);
    }

    private static async Task<Results<Created<CompanyHolidayResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid companyId, CreateCompanyHolidayRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller?.Role != UserRole.ADMIN) return Problems.Forbidden(ProblemCodes.AdminOnlyHolidays, "Only an admin can change the company's holidays.");
        var name = request.Name!.Trim();
        if (name.Length == 0) return Problems.Field("name", ProblemCodes.NameBlank, "The name cannot be blank.");
        var date = request.Date!.Value;
        if (await db.CompanyHolidays.AnyAsync(h => h.CompanyId == companyId && h.Date == date, cancellationToken)) return DateTaken(date);

        var holiday = new CompanyHoliday { CompanyId = companyId, Date = date, Name = name };
        db.CompanyHolidays.Add(holiday);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return DateTaken(date); // a concurrent request added the same day first
        }
        return TypedResults.Created($"/api/companies/{companyId}/holidays/{holiday.Id}", new CompanyHolidayResponse(holiday.Id, holiday.Date, holiday.Name));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, Guid holidayId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller?.Role != UserRole.ADMIN) return Problems.Forbidden(ProblemCodes.AdminOnlyHolidays, "Only an admin can change the company's holidays.");
        var deleted = await db.CompanyHolidays.Where(h => h.Id == holidayId && h.CompanyId == companyId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? Problems.NotFound(ProblemCodes.HolidayNotFound, "The holiday") : TypedResults.NoContent();
    }

    private static ProblemHttpResult DateTaken(DateOnly date) => Problems.Conflict(ProblemCodes.HolidayDateTaken, $"The company already has a holiday on {date:yyyy-MM-dd}.",
        new Dictionary<string, object?> { ["date"] = date });
}
