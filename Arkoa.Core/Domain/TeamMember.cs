namespace Arkoa.Core.Domain;

/// <summary>A member of a company in one of its teams; <see cref="IsPrimary"/> marks the one team a member is first of.</summary>
public sealed class TeamMember : Entity
{
    public Guid TeamId { get; set; }
    public Team? Team { get; set; }
    public Guid MembershipId { get; set; }
    public Membership? Membership { get; set; }

    /// <summary>The member's primary team: at most one per member (a partial unique index).</summary>
    public bool IsPrimary { get; set; }
}
