namespace Arkoa.Core.Domain;

/// <summary>A member of a company (any role) who manages a team: they see and decide the requests of its members and of its sub-teams' members.</summary>
public sealed class TeamManager : Entity
{
    public Guid TeamId { get; set; }
    public Team? Team { get; set; }
    public Guid MembershipId { get; set; }
    public Membership? Membership { get; set; }
}
