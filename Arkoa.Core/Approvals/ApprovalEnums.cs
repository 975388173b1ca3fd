namespace Arkoa.Core.Approvals;

// Member names are the wire and database values (stored as strings, like the other enums).
#pragma warning disable CA1707

/// <summary>Who approves at a step of an approval chain (SPEC §11), resolved for each request by <see cref="ApproverResolver"/>.</summary>
public enum ApproverKind
{
    /// <summary>The member's approver set by an admin, else the nearest managers of the member's teams, else the company managers.</summary>
    TEAM_MANAGERS,

    /// <summary>The department head: the nearest managers of the teams above the member's team managers' level.</summary>
    PARENT_TEAM_MANAGERS,

    /// <summary>Every active MANAGER or ADMIN of the company.</summary>
    COMPANY_MANAGERS,

    /// <summary>Every active ADMIN of the company (HR).</summary>
    COMPANY_ADMINS,

    /// <summary>One member the chain names.</summary>
    NAMED_MEMBER,

    /// <summary>
    /// Today's one step with no chain: the member's approver or the managers of their teams and of every team above, and
    /// the company managers. Used when a company has delegations or approver overrides but no chain.
    /// </summary>
    TEAM_OR_COMPANY_MANAGERS,
}

/// <summary>Whether one approver of a step decides it (first decision wins) or all of them must approve.</summary>
public enum ApprovalMode { ANY, ALL }

/// <summary>An approver's decision at a step.</summary>
public enum StepDecision { APPROVED, REJECTED }
