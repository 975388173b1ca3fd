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
    /// Why the caller may not read <paramref name="membershipId"/>'s data in this company (403 not theirs and not a
    /// manager, 404 a membership of another company), or null when they may.
    /// </summary>
    public static async Task<ProblemHttpResult?> MemberReadRefusalAsync(
        this ArkoaDbContext db, Guid companyId, Guid membershipId, Guid userId, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, userId, cancellationToken);
        if (caller is null || !caller.MayActFor(membershipId)) return Problems.Forbidden();
        var belongs = await db.Memberships.AnyAsync(m => m.Id == membershipId && m.CompanyId == companyId, cancellationToken);
        return belongs ? null : Problems.NotFound("The membership");
    }

    /// <summary>The caller may act on <paramref name="target"/>'s data when it is their own or they manage the company.</summary>
    public static bool MayActFor(this Membership caller, Guid targetMembershipId) =>
        caller.Id == targetMembershipId || caller.IsManager;
}
