using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>
/// Who approves a request, step by step (SPEC §11), when it arrives: the chain's steps whose conditions hold (none: the
/// default step), each with its approvers — the delegate of anyone delegating on the company's <c>today</c> (bounds
/// included, one hop), never the requester, each once. A step left with nobody falls back to the company's admins, then
/// to its managers, so a request never waits on nobody; a step nobody at all can decide is left out.
/// </summary>
public static class ApproverResolver
{
    public static IReadOnlyList<ResolvedStep> Resolve(IReadOnlyList<ChainStep> chain, ApprovalFacts facts, ApprovalOrg org, DateOnly today)
    {
        var applying = chain.Where(s => s.Conditions.AppliesTo(facts)).ToList();
        if (applying.Count == 0) applying.Add(ChainStep.Default);
        var resolved = new List<ResolvedStep>(applying.Count);
        foreach (var step in applying)
        {
            var approvers = Eligible(Candidates(step, org), org, today);
            var fellBack = approvers.Count == 0;
            if (fellBack) approvers = Eligible(org.CompanyAdmins, org, today);
            if (approvers.Count == 0) approvers = Eligible(org.CompanyManagers, org, today);
            if (approvers.Count > 0) resolved.Add(new ResolvedStep(step.Approvers, step.Mode, approvers, fellBack));
        }
        return resolved;
    }

    /// <summary>The step's own approvers, before delegation and the requester's exclusion.</summary>
    private static IEnumerable<Guid> Candidates(ChainStep step, ApprovalOrg org) => step.Approvers switch
    {
        ApproverKind.TEAM_MANAGERS => MemberApprover(org) is { } chosen ? [chosen]
            : TeamLine(org, OwnLine(org), out _) is { Count: > 0 } nearest ? nearest
            : org.CompanyManagers,
        ApproverKind.PARENT_TEAM_MANAGERS => ParentLine(org),
        ApproverKind.COMPANY_MANAGERS => org.CompanyManagers,
        ApproverKind.COMPANY_ADMINS => org.CompanyAdmins,
        ApproverKind.NAMED_MEMBER => step.NamedMembershipId is { } named ? [named] : [],
        ApproverKind.TEAM_OR_COMPANY_MANAGERS => (MemberApprover(org) is { } chosen ? [chosen] : EveryTeamManagerAbove(org))
            .Concat(org.CompanyManagers),
        _ => [],
    };

    private static Guid? MemberApprover(ApprovalOrg org) =>
        org.MemberApprover is { } id && id != org.RequesterId && org.ActiveMembers.Contains(id) ? id : null;

    /// <summary>
    /// Where the member's own line of managers starts: their primary team, or every team of theirs when none is primary
    /// (the company's default team, managed by its managers, is not the line of someone whose primary team is elsewhere).
    /// </summary>
    private static IEnumerable<Guid> OwnLine(ApprovalOrg org) => org.PrimaryTeamId is { } primary ? [primary] : org.RequesterTeamIds;

    /// <summary>
    /// The nearest managers above each of <paramref name="teams"/> (the team itself first) other than the requester, and
    /// the teams where they were found.
    /// </summary>
    private static List<Guid> TeamLine(ApprovalOrg org, IEnumerable<Guid> teams, out List<Guid> foundAt)
    {
        var managers = new List<Guid>();
        foundAt = [];
        foreach (var start in teams)
        {
            var seen = new HashSet<Guid>();
            for (Guid? team = start; team is { } t && seen.Add(t); team = org.TeamParents.GetValueOrDefault(t))
            {
                var here = ManagersOf(org, t);
                if (here.Count == 0) continue;
                managers.AddRange(here);
                foundAt.Add(t);
                break;
            }
        }
        return managers;
    }

    /// <summary>The department heads: the nearest managers above the teams where the member's team managers are.</summary>
    private static List<Guid> ParentLine(ApprovalOrg org)
    {
        TeamLine(org, OwnLine(org), out var firstLevel);
        var parents = firstLevel.Select(t => org.TeamParents.GetValueOrDefault(t)).OfType<Guid>();
        return TeamLine(org, parents, out _);
    }

    /// <summary>Today's reach of SPEC §10: the managers of the member's teams and of every team above them.</summary>
    private static IEnumerable<Guid> EveryTeamManagerAbove(ApprovalOrg org)
    {
        var seen = new HashSet<Guid>();
        foreach (var start in org.RequesterTeamIds)
        {
            for (Guid? team = start; team is { } t && seen.Add(t); team = org.TeamParents.GetValueOrDefault(t))
            {
                foreach (var manager in ManagersOf(org, t)) yield return manager;
            }
        }
    }

    private static List<Guid> ManagersOf(ApprovalOrg org, Guid team) =>
        org.TeamManagers.TryGetValue(team, out var managers)
            ? managers.Where(m => m != org.RequesterId && org.ActiveMembers.Contains(m)).ToList()
            : [];

    /// <summary>Delegation applied (one hop), then the requester and anyone inactive left out, each member once.</summary>
    private static List<ResolvedApprover> Eligible(IEnumerable<Guid> candidates, ApprovalOrg org, DateOnly today)
    {
        var approvers = new List<ResolvedApprover>();
        foreach (var candidate in candidates)
        {
            if (!org.ActiveMembers.Contains(candidate) || candidate == org.RequesterId) continue;
            // A delegation to the requester does not hand them their own request: the delegator keeps it.
            var delegation = org.Delegations.FirstOrDefault(d => d.FromMembershipId == candidate && d.Covers(today)
                && d.ToMembershipId != org.RequesterId && org.ActiveMembers.Contains(d.ToMembershipId));
            var approver = delegation is null ? new ResolvedApprover(candidate) : new ResolvedApprover(delegation.ToMembershipId, candidate);
            if (approvers.Any(a => a.MembershipId == approver.MembershipId)) continue;
            approvers.Add(approver);
        }
        return approvers;
    }
}
