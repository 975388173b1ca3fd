using Arkoa.Api.Teams;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Http;

/// <summary>Resolves the caller's active membership in a company: every company-scoped query starts here.</summary>
public static class CompanyAccess
{
    /// <summary>The caller's active membership, or null (not a member, deactivated, or no such company: all look the same).</summary>
    public static Task<Membership?> CallerMembershipAsync(this ArkoaDbContext db, Guid companyId, Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.CompanyId == companyId && m.UserId == userId && m.Active, cancellationToken);

    /// <summary>
    /// The target membership when the caller may read its data through their role (their own, or they manage the
    /// company), as a condition a data query carries: a read that finds rows needs no separate check, and only an empty
    /// one asks <see cref="MemberReadRefusalAsync"/> whether it is empty or refused — or allowed another way (a team
    /// manager of the member, an approver a request of theirs waits for), when the read is made again without it.
    /// </summary>
    public static IQueryable<Membership> ReadableMember(this ArkoaDbContext db, Guid companyId, Guid membershipId, Guid userId) =>
        db.Memberships.Where(m => m.Id == membershipId && m.CompanyId == companyId
            && db.Memberships.Any(c => c.CompanyId == companyId && c.UserId == userId && c.Active
                && (c.Id == membershipId || c.Role == UserRole.MANAGER || c.Role == UserRole.ADMIN)));

    /// <summary>
    /// Why the caller may not read <paramref name="membershipId"/>'s data in this company (403 not theirs, not a manager
    /// of the company nor of the member's teams, and no request of the member waits for their decision; 404 a
    /// membership of another company), or null when they may.
    /// </summary>
    public static async Task<ProblemHttpResult?> MemberReadRefusalAsync(
        this ArkoaDbContext db, Guid companyId, Guid membershipId, Guid userId, CancellationToken cancellationToken)
    {
        // One round trip for both questions: this runs before every read of a member's leaves, balances and history.
        var caller = await db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == companyId && m.UserId == userId && m.Active)
            .Select(m => new { m.Id, m.Role, Belongs = db.Memberships.Any(t => t.Id == membershipId && t.CompanyId == companyId) })
            .SingleOrDefaultAsync(cancellationToken);
        if (caller is null) return Problems.Forbidden();
        var mayRead = caller.Id == membershipId || Membership.IsManagerRole(caller.Role)
            || (caller.Belongs && await db.DecidesForMemberAsync(companyId, caller.Id, membershipId, cancellationToken));
        if (!mayRead) return Problems.Forbidden();
        return caller.Belongs ? null : Problems.NotFound(ProblemCodes.MembershipNotFound, "The membership");
    }

    /// <summary>
    /// The caller's active membership in the company, the company's settings (no logo) and its data version (the key of
    /// cached company views) in one round trip, or nulls when the caller is not an active member.
    /// </summary>
    public static async Task<(Membership? Caller, Company? Company, long Version)> CallerAndCompanyAsync(
        this ArkoaDbContext db, Guid companyId, Guid userId, CancellationToken cancellationToken)
    {
        var view = await db.CallerViewAsync(companyId, userId, targetMembershipId: null, cancellationToken);
        return (view?.Caller, view?.Company, view?.Version ?? 0);
    }

    /// <summary>
    /// What company-scoped requests ask first, in one round trip: the caller's active membership, the company's settings
    /// (calendar; no logo: up to 512 KiB nobody needs here), its data version, and whether <paramref name="targetMembershipId"/> is
    /// an active (true), deactivated (false) or unknown (null) member of the company. Null when the caller is not an
    /// active member.
    /// </summary>
    public static Task<CallerView?> CallerViewAsync(
        this ArkoaDbContext db, Guid companyId, Guid userId, Guid? targetMembershipId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking()
            .Where(m => m.CompanyId == companyId && m.UserId == userId && m.Active)
            .Select(m => new CallerView(
                m,
                new Company
                {
                    Id = m.Company!.Id, Name = m.Company.Name, TimeZone = m.Company.TimeZone,
                    HolidayCountry = m.Company.HolidayCountry, SolidarityDayWorked = m.Company.SolidarityDayWorked,
                    WorkingDays = m.Company.WorkingDays,
                },
                db.CompanyDataVersions.Where(v => v.CompanyId == companyId).Select(v => v.Version).FirstOrDefault(),
                db.Memberships.Where(t => t.Id == targetMembershipId && t.CompanyId == companyId).Select(t => (bool?)t.Active).FirstOrDefault()))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>The caller may act on <paramref name="target"/>'s data when it is their own or they manage the company.</summary>
    public static bool MayActFor(this Membership caller, Guid targetMembershipId) =>
        caller.Id == targetMembershipId || caller.IsManager;
}

/// <summary>The caller's side of a company-scoped request (<see cref="CompanyAccess.CallerViewAsync"/>).</summary>
public sealed record CallerView(Membership Caller, Company Company, long Version, bool? MemberActive);
