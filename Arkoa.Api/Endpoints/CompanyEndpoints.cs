using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Teams;
using Arkoa.Core.Approvals;
using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Arkoa.Core.LeaveTypes;
using Arkoa.Core.Memberships;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/companies: the caller's companies; creating, reading, changing and deleting one.</summary>
public static class CompanyEndpoints
{
    public static RouteGroupBuilder MapCompanyEndpoints(this RouteGroupBuilder api)
    {
        var companies = api.MapGroup("/companies").WithTags("Companies");
        companies.MapGet("/", List).WithName("ListCompanies")
            .WithSummary("The companies the caller is an active member of, by name (signed-in user).")
            .ProducesValidationProblem();
        companies.MapPost("/", Create).WithName("CreateCompany")
            .WithSummary("Creates a company with the caller as its first admin (signed-in user whose address is confirmed).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        companies.MapGet("/{companyId:guid}", Get).WithName("GetCompany")
            .WithSummary("A company's settings and the caller's membership in it, with the requests waiting on a manager (any member).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        companies.MapPatch("/{companyId:guid}", Update).WithName("UpdateCompany")
            .WithSummary("Changes the given company settings, leaving the others as they are (admin).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status409Conflict);
        companies.MapDelete("/{companyId:guid}", Delete).WithName("DeleteCompany")
            .WithSummary("Deletes the company with its memberships, leaves, balances, holidays and invitations (admin).")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    // Lists and reads project the columns they show, so a company's logo bytes are never loaded for them.
    private sealed record CompanyRow(
        Guid Id, string Name, string? LogoUrl, bool HasLogo, int AnnualLeaveDays, string TimeZone, string HolidayCountry,
        decimal CarryOverMaxDays, string CarryOverExpiresOn, DayOfWeek[] WorkingDays, LeaveType[] SensitiveLeaveTypes,
        int EscalateAfterWorkingDays, Guid MembershipId, UserRole Role, DateTime CreatedAt, bool SolidarityDayWorked)
    {
        public CompanyResponse ToResponse() => new(Id, Name, LogoUrl, HasLogo, AnnualLeaveDays, TimeZone, HolidayCountry,
            CarryOverMaxDays, CarryOverExpiresOn, WeekDays.FromWorkingDays(WorkingDays), [.. SensitiveLeaveTypes.Order()],
            EscalateAfterWorkingDays, MembershipId, Role, CreatedAt, SolidarityDayWorked: SolidarityDayWorked);
    }

    private static IQueryable<CompanyRow> Rows(IQueryable<Membership> memberships) =>
        memberships.Select(m => new CompanyRow(m.Company!.Id, m.Company.Name, m.Company.LogoUrl, m.Company.Logo != null,
            m.Company.AnnualLeaveDays, m.Company.TimeZone, m.Company.HolidayCountry, m.Company.CarryOverMaxDays,
            m.Company.CarryOverExpiresOn, m.Company.WorkingDays, m.Company.LeaveTypes.Where(t => t.Sensitive).Select(t => t.Code).ToArray(),
            m.Company.EscalateAfterWorkingDays, m.Id, m.Role,
            m.Company.CreatedAt, m.Company.SolidarityDayWorked));

    private static CompanyResponse ToResponse(Company c, Membership m) => new(
        c.Id, c.Name, c.LogoUrl, c.Logo is not null, c.AnnualLeaveDays, c.TimeZone, c.HolidayCountry, c.CarryOverMaxDays,
        c.CarryOverExpiresOn, WeekDays.FromWorkingDays(c.WorkingDays), [.. c.LeaveTypes.Where(t => t.Sensitive).Select(t => t.Code).Order()], c.EscalateAfterWorkingDays, m.Id,
        m.Role, c.CreatedAt, SolidarityDayWorked: c.SolidarityDayWorked);

    private static async Task<Results<Ok<PagedList<CompanyResponse>>, ValidationProblem>> List(
        [AsParameters] PageQuery page, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (page.Errors() is { Count: > 0 } errors) return Problems.Fields(errors);
        var userId = context.User.UserId();
        var query = db.Memberships.AsNoTracking().Where(m => m.UserId == userId && m.Active);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(query.OrderBy(m => m.Company!.Name).ThenBy(m => m.CompanyId).Skip(page.Skip).Take(page.Size))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<CompanyResponse>(rows.Select(r => r.ToResponse()).ToList(), total, page.Number, page.Size));
    }

    private static async Task<Results<Ok<CompanyResponse>, ProblemHttpResult>> Get(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var row = await Rows(db.Memberships.AsNoTracking().Where(m => m.CompanyId == companyId && m.UserId == userId && m.Active))
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null) return Problems.Forbidden(ProblemCodes.NotAMember, "You are not a member of this company.");
        // An employee counts the requests of the members they decide for as a team manager (SPEC §10), if any.
        var decided = row.Role is UserRole.EMPLOYEE
            ? (await db.ManagedMembersAsync(companyId, row.MembershipId, cancellationToken)).Where(id => id != row.MembershipId).ToArray()
            : null;
        // The requests following an approval chain count where their current step waits for this person (SPEC §11).
        var awaited = db.AwaitedLeaveIds(row.MembershipId);
        if (decided is { Length: 0 } && !await awaited.AnyAsync(cancellationToken)) return TypedResults.Ok(row.ToResponse());

        // The count on the manager's Approvals tab (issue 14 §8), as the queue counts: the leave requests and the open
        // requests to cancel an approved leave, both waiting for a manager; their own are not theirs to decide.
        var waiting = db.Leaves.AsNoTracking().Where(l => l.Membership!.CompanyId == companyId && l.MembershipId != row.MembershipId
            && (awaited.Contains(l.Id)
                || ((l.Status == LeaveStatus.PENDING && l.ApprovalStep == null || l.CancelRequestedAt != null)
                    && (decided == null || decided.Contains(l.MembershipId)))));
        var pending = await waiting.CountAsync(cancellationToken);
        return TypedResults.Ok(row.ToResponse() with { PendingReviews = pending });
    }

    private static async Task<Results<Created<CompanyResponse>, ValidationProblem, ProblemHttpResult>> Create(
        CreateCompanyRequest request, HttpContext context, ArkoaDbContext db, MemberEnrolment enrolment,
        CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        if (name.Length == 0) return Problems.Field("name", ProblemCodes.NameBlank, "The name is required.");
        var userId = context.User.UserId();
        if (!await db.IsEmailVerifiedAsync(userId, cancellationToken)) return VerifiedAccount.NotVerified();
        if (await db.Companies.AnyAsync(c => c.Name == name, cancellationToken)) return NameTaken();

        var company = new Company { Name = name, LogoUrl = request.LogoUrl, AnnualLeaveDays = request.AnnualLeaveDays ?? 25 };
        BuiltInLeaveTypes.SeedInto(company);
        db.Companies.Add(company);
        db.Teams.Add(Team.DefaultOf(company)); // where its members land (SPEC §10)
        // The creator is the first ADMIN, with the same starting balances as anyone who joins later.
        var membership = await enrolment.EnrolAsync(company, userId, UserRole.ADMIN, cancellationToken);

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

    private static async Task<Results<Ok<CompanyResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid companyId, UpdateCompanyRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller?.Role != UserRole.ADMIN) return Problems.Forbidden(ProblemCodes.AdminOnlyCompanySettings, "Only an admin can change the company.");
        if (SettingErrors(request) is { Count: > 0 } errors) return Problems.Fields(errors);

        var company = await db.Companies.Include(c => c.LeaveTypes).SingleAsync(c => c.Id == companyId, cancellationToken);
        if (request.SensitiveLeaveTypes?.FirstOrDefault(t => company.LeaveTypes.All(row => row.Code != t)) is { Code.Length: > 0 } unknown)
        {
            return Problems.Field("sensitiveLeaveTypes", ProblemCodes.UnknownLeaveType, $"The company has no leave type {unknown.Code}.");
        }
        if (request.Name?.Trim() is { } name && name != company.Name)
        {
            if (await db.Companies.AnyAsync(c => c.Name == name && c.Id != companyId, cancellationToken)) return NameTaken();
            company.Name = name;
        }
        if (request.LogoUrl is not null) company.LogoUrl = request.LogoUrl.Length == 0 ? null : request.LogoUrl;
        if (request.AnnualLeaveDays is { } annual) company.AnnualLeaveDays = annual;
        if (request.TimeZone is not null) company.TimeZone = request.TimeZone;
        if (request.HolidayCountry is not null) company.HolidayCountry = HolidayRegion.Find(request.HolidayCountry)!.Code;
        if (request.SolidarityDayWorked is { } solidarityDayWorked) company.SolidarityDayWorked = solidarityDayWorked;
        if (request.CarryOverMaxDays is { } carryOver) company.CarryOverMaxDays = carryOver;
        if (request.CarryOverExpiresOn is not null) company.CarryOverExpiresOn = request.CarryOverExpiresOn;
        if (request.WorkingDays is not null) company.WorkingDays = WeekDays.ToWorkingDays(request.WorkingDays);
        // The setting is the rows' Sensitive flag, kept here for the clients that set it before types were rows.
        if (request.SensitiveLeaveTypes is { } sensitive)
        {
            foreach (var row in company.LeaveTypes) row.Sensitive = sensitive.Contains(row.Code);
        }
        if (request.EscalateAfterWorkingDays is { } escalateAfter) company.EscalateAfterWorkingDays = escalateAfter;

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return NameTaken(); // a concurrent rename took the name first
        }
        return TypedResults.Ok(ToResponse(company, caller));
    }

    /// <summary>The rules DataAnnotations cannot say (SPEC §2 Company); each failure names its field.</summary>
    private static FieldErrors SettingErrors(UpdateCompanyRequest request)
    {
        var errors = new FieldErrors();
        if (request.Name is not null && request.Name.Trim().Length == 0) errors.Set("name", ProblemCodes.NameBlank, "The name cannot be blank.");
        if (request.LogoUrl is { Length: > 0 } url && !IsHttpUrl(url))
            errors.Set("logoUrl", ProblemCodes.LogoUrlInvalid, "The logo URL must be an absolute http(s) URL, or \"\" to remove it.");
        if (request.TimeZone is not null && !CompanySettings.IsIanaTimeZone(request.TimeZone))
            errors.Set("timeZone", ProblemCodes.TimeZoneInvalid, "The time zone must be an IANA time zone id, such as \"Europe/Paris\".");
        if (request.HolidayCountry is not null && HolidayRegion.Find(request.HolidayCountry) is null)
            errors.Set("holidayCountry", ProblemCodes.HolidayCountryUnsupported,
                $"Public holidays are known for: {string.Join(", ", PublicHolidays.SupportedCountries.Order())}.",
                new Dictionary<string, object?> { ["supported"] = PublicHolidays.SupportedCountries.Order().ToArray() });
        if (request.CarryOverMaxDays is { } carryOver
            && (carryOver < 0 || carryOver > CompanySettings.MaxCarryOverDays || !CompanySettings.IsWholeOrHalfDay(carryOver)))
            errors.Set("carryOverMaxDays", ProblemCodes.CarryOverOutOfRange,
                $"The carry-over must be between 0 and {CompanySettings.MaxCarryOverDays} days, in whole or half days.",
                new Dictionary<string, object?> { ["max"] = CompanySettings.MaxCarryOverDays });
        if (request.CarryOverExpiresOn is not null && !CompanySettings.IsMonthDay(request.CarryOverExpiresOn))
            errors.Set("carryOverExpiresOn", ProblemCodes.CarryOverExpiryInvalid, "The expiry must be a day of the year as \"MM-DD\" (29 February excepted).");
        if (request.WorkingDays is { Count: 0 }) errors.Set("workingDays", ProblemCodes.WorkingDaysRequired, "At least one working day is required.");
        if (request.EscalateAfterWorkingDays is { } escalateAfter && !CompanySettings.IsEscalationDelay(escalateAfter))
            errors.Set("escalateAfterWorkingDays", ProblemCodes.EscalationDelayOutOfRange,
                $"Escalation comes after 1 to {CompanySettings.MaxEscalationWorkingDays} working days, or 0 for never.",
                new Dictionary<string, object?> { ["max"] = CompanySettings.MaxEscalationWorkingDays });
        return errors;
    }

    private static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        return await db.InTransactionAsync<Results<NoContent, ProblemHttpResult>>(async ct =>
        {
            // Under the company lock, so an admin demoted a moment ago can no longer delete it.
            await db.LockCompanyAsync(companyId, ct);
            var caller = await db.CallerMembershipAsync(companyId, userId, ct);
            if (caller?.Role != UserRole.ADMIN) return Problems.Forbidden(ProblemCodes.AdminOnlyCompanyDelete, "Only an admin can delete the company.");
            // Memberships, their leaves, balances and history, holidays and invitations go with it (foreign keys cascade).
            await db.Companies.Where(c => c.Id == companyId).ExecuteDeleteAsync(ct);
            return TypedResults.NoContent();
        }, cancellationToken);
    }

    private static ProblemHttpResult NameTaken() => Problems.Conflict(ProblemCodes.CompanyNameTaken, "A company with this name already exists.");
}
