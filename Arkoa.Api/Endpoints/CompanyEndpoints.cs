using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies: the caller's companies, and creating one.</summary>
public static class CompanyEndpoints
{
    public static RouteGroupBuilder MapCompanyEndpoints(this RouteGroupBuilder api)
    {
        var companies = api.MapGroup("/companies").WithTags("Companies");
        companies.MapGet("/", List);
        companies.MapPost("/", Create);
        companies.MapGet("/{companyId:guid}", Get);
        return api;
    }

    private static CompanyResponse ToResponse(Company c, Membership m) => new(
        c.Id, c.Name, c.LogoUrl, c.AnnualLeaveDays, c.TimeZone, c.HolidayCountry, c.CarryOverMaxDays,
        c.CarryOverExpiresOn, c.WorkingDays, m.Id, m.Role, c.CreatedAt);

    private static async Task<Results<Ok<PagedList<CompanyResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (page.Errors() is { Count: > 0 } errors) return Problems.Fields(errors);
        var userId = context.User.UserId();
        var query = db.Memberships.AsNoTracking().Where(m => m.UserId == userId && m.Active);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderBy(m => m.Company!.Name).ThenBy(m => m.CompanyId)
            .Skip(page.Skip).Take(page.Size)
            .Select(m => new { Company = m.Company!, Membership = m })
            .ToListAsync(cancellationToken);
        var items = rows.Select(r => ToResponse(r.Company, r.Membership)).ToList();
        return TypedResults.Ok(new PagedList<CompanyResponse>(items, total, page.Number, page.Size));
    }

    private static async Task<Results<Ok<CompanyResponse>, ProblemHttpResult>> Get(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var membership = await db.Memberships.AsNoTracking().Include(m => m.Company)
            .SingleOrDefaultAsync(m => m.CompanyId == companyId && m.UserId == context.User.UserId() && m.Active, cancellationToken);
        if (membership?.Company is null) return Problems.Forbidden("You are not a member of this company.");
        return TypedResults.Ok(ToResponse(membership.Company, membership));
    }

    private static async Task<Results<Created<CompanyResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateCompanyRequest request, HttpContext context, ArkoaDbContext db, BalanceLedger ledger,
        TimeProvider clock, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        if (name.Length == 0) return Problems.Field("name", "The name is required.");
        if (await db.Companies.AnyAsync(c => c.Name == name, cancellationToken)) return NameTaken();

        var userId = context.User.UserId();
        var company = new Company { Name = name, LogoUrl = request.LogoUrl, AnnualLeaveDays = request.AnnualLeaveDays ?? 25 };
        var joinedOn = CompanyClock.Today(company, clock);
        var membership = new Membership { UserId = userId, CompanyId = company.Id, Role = UserRole.ADMIN, JoinedOn = joinedOn };
        db.Companies.Add(company);
        db.Memberships.Add(membership);

        // The creator starts with this year's PAID days prorated to the remaining months, and an empty RTT balance.
        var paid = await ledger.GetOrCreateAsync(membership.Id, LeaveType.PAID, cancellationToken);
        await ledger.GetOrCreateAsync(membership.Id, LeaveType.RTT, cancellationToken);
        var initialDays = Proration.InitialPaidDays(company.AnnualLeaveDays, joinedOn);
        if (initialDays > 0)
        {
            ledger.TryApply(paid, initialDays, LeaveBalanceHistoryType.AUTO_CREDIT, actorId: null, leaveId: null,
                $"Initial credit: {company.AnnualLeaveDays} days prorated from {joinedOn:yyyy-MM-dd} to the end of the year");
        }

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.ActiveMembershipId ??= membership.Id;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return NameTaken();
        }
        return TypedResults.Created($"/api/companies/{company.Id}", ToResponse(company, membership));
    }

    private static ProblemHttpResult NameTaken() => Problems.Conflict("A company with this name already exists.");
}
