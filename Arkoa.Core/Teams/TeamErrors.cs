using Arkoa.Core.Domain;

namespace Arkoa.Core.Teams;

/// <summary>
/// Every refusal of a change to a company's teams (SPEC §10), with its stable code (<see cref="ProblemCodes"/>). The messages
/// are the Api's English sentences for clients that do not localise; the Web localises by code.
/// </summary>
public static class TeamErrors
{
    public static readonly DomainError AdminOnly = new(ProblemCodes.AdminOnlyTeams, DomainErrorKind.Forbidden, "Only an admin can change teams.");

    public static readonly DomainError TeamNotFound = new(ProblemCodes.TeamNotFound, DomainErrorKind.NotFound, "The team was not found.");

    public static readonly DomainError NameBlank = new(ProblemCodes.NameBlank, DomainErrorKind.Validation, "The name cannot be blank.", "name");

    public static DomainError NameTaken(string name) => new(ProblemCodes.TeamNameTaken, DomainErrorKind.Conflict,
        $"The company already has a team named '{name}'.", "name", new Dictionary<string, object?> { ["name"] = name });

    public static readonly DomainError ParentNotFound = new(ProblemCodes.TeamParentNotFound, DomainErrorKind.Validation,
        "The parent team is not a team of this company.", "parentTeamId");

    public static readonly DomainError Cycle = new(ProblemCodes.TeamCycle, DomainErrorKind.Validation,
        "A team cannot be put under itself or under one of its sub-teams.", "parentTeamId");

    public static readonly DomainError HasSubTeams = new(ProblemCodes.TeamHasSubTeams, DomainErrorKind.Conflict,
        "Move or delete this team's sub-teams first.");

    public static readonly DomainError DefaultTeamKept = new(ProblemCodes.DefaultTeamKept, DomainErrorKind.Conflict,
        "The default team, where new members land, cannot be deleted; rename it instead.");

    public static readonly DomainError MemberNotFound = new(ProblemCodes.MembershipNotFound, DomainErrorKind.NotFound,
        "The membership was not found.", "membershipId");

    public static readonly DomainError MemberInactive = new(ProblemCodes.TeamMemberInactive, DomainErrorKind.Validation,
        "Only an active member of the company can join or manage a team.", "membershipId");

    public static readonly DomainError NotInTeam = new(ProblemCodes.NotInTeam, DomainErrorKind.NotFound,
        "This member is not in this team.");

    public static readonly DomainError NotTeamManager = new(ProblemCodes.NotTeamManager, DomainErrorKind.NotFound,
        "This member does not manage this team.");
}
