using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Http;

/// <summary>Resolves the caller's active membership in a company: every company-scoped query starts here.</summary>
public static class CompanyAccess
{
    /// <summary>The caller's active membership, or null (not a member, deactivated, or no such company: all look the same).</summary>
    public static Task<Membership?> CallerMembershipAsync(this ArkoaDbContext db, Guid companyId, Guid userId, CancellationToken cancellationToken) =>
        db.Memberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.CompanyId == companyId && m.UserId == userId && m.Active, cancellationToken);

    /// <summary>The caller may act on <paramref name="target"/>'s data when it is their own or they manage the company.</summary>
    public static bool MayActFor(this Membership caller, Guid targetMembershipId) =>
        caller.Id == targetMembershipId || caller.IsManager;
}
