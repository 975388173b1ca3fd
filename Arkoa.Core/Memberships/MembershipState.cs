using Arkoa.Core.Domain;

namespace Arkoa.Core.Memberships;

/// <summary>A membership as the membership rules see it: which one, its role and whether it is active.</summary>
public sealed record MembershipState(Guid Id, UserRole Role, bool Active)
{
    public static MembershipState Of(Membership membership) => new(membership.Id, membership.Role, membership.Active);

    /// <summary>A manager of the company (<see cref="Membership.IsManagerRole"/>, the one manager check).</summary>
    public bool IsManager => Membership.IsManagerRole(Role);

    public bool IsAdmin => Role == UserRole.ADMIN;
}
