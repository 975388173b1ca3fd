namespace Arkoa.Core.Domain;

/// <summary>
/// A team (department) of a company (SPEC §10): a node of the company's tree of teams, with its members and its team
/// managers, who see and decide the requests of the members of this team and of every team under it. A company has one
/// default team, where the members who join it land (<see cref="Memberships.MemberEnrolment"/>).
/// </summary>
public sealed class Team : Entity
{
    public const int NameMaxLength = 100;

    public Guid CompanyId { get; set; }
    public Company? Company { get; set; }
    public required string Name { get; set; }

    /// <summary>The team this one is part of, or null for a team at the top of the company.</summary>
    public Guid? ParentTeamId { get; set; }
    public Team? ParentTeam { get; set; }

    /// <summary>The company's default team: created with the company, where a member joining lands; it cannot be deleted.</summary>
    public bool IsDefault { get; set; }

    /// <summary>
    /// The coverage rule (SPEC §12): at least this many of the team's members (sub-teams included) present on each half of
    /// every working day, or null for no minimum.
    /// </summary>
    public int? MinimumPresent { get; set; }

    /// <summary>The coverage rule's other form: at most this many of the team's members absent at once, or null for no maximum.</summary>
    public int? MaximumAbsent { get; set; }

    /// <summary>The default team a new company starts with, named after it.</summary>
    public static Team DefaultOf(Company company) => new() { CompanyId = company.Id, Name = company.Name, IsDefault = true };

    public List<TeamMember> Members { get; set; } = [];
    public List<TeamManager> Managers { get; set; } = [];
}
