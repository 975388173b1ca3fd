using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Companies;

/// <summary>A company always keeps at least one active ADMIN (SPEC §1).</summary>
public static class AdminRule
{
    /// <summary>
    /// True when <paramref name="target"/> is the company's last active admin, so demoting, deactivating or
    /// removing it would leave the company without one. Call it under <see cref="CompanyLock"/>.
    /// </summary>
    public static async Task<bool> IsLastActiveAdminAsync(this ArkoaDbContext db, Membership target, CancellationToken cancellationToken)
    {
        if (target.Role != UserRole.ADMIN || !target.Active) return false;
        var others = await db.Memberships.CountAsync(
            m => m.CompanyId == target.CompanyId && m.Id != target.Id && m.Role == UserRole.ADMIN && m.Active, cancellationToken);
        return others == 0;
    }

    /// <summary>How many active admins the company has, for telling which member of a list is the last one.</summary>
    public static Task<int> ActiveAdminCountAsync(this ArkoaDbContext db, Guid companyId, CancellationToken cancellationToken) =>
        db.Memberships.CountAsync(m => m.CompanyId == companyId && m.Role == UserRole.ADMIN && m.Active, cancellationToken);

    /// <summary>Whether <paramref name="member"/> is the last active admin of a company that has <paramref name="activeAdmins"/>.</summary>
    public static bool IsLastActiveAdmin(MembershipState member, int activeAdmins) =>
        member.IsAdmin && member.Active && activeAdmins == 1;
}
