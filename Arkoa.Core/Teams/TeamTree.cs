namespace Arkoa.Core.Teams;

/// <summary>
/// A company's teams as a tree (each team and the team it is part of): what a team's sub-teams are, whether a move would
/// make a cycle, and which teams a set of team managers reaches (theirs and everything under them).
/// </summary>
public sealed class TeamTree
{
    private readonly Dictionary<Guid, Guid?> _parentOf;
    private readonly ILookup<Guid, Guid> _childrenOf;

    public TeamTree(IEnumerable<TeamNode> teams)
    {
        _parentOf = teams.ToDictionary(t => t.Id, t => t.ParentTeamId);
        _childrenOf = _parentOf.Where(p => p.Value is not null).ToLookup(p => p.Value!.Value, p => p.Key);
    }

    public bool Contains(Guid teamId) => _parentOf.ContainsKey(teamId);

    public bool HasSubTeams(Guid teamId) => _childrenOf[teamId].Any();

    /// <summary>The team and every team under it, at any depth; empty for a team not in the tree.</summary>
    public IReadOnlySet<Guid> WithSubTeams(Guid teamId) => WithSubTeams([teamId]);

    /// <summary>The teams and every team under them, each once.</summary>
    public IReadOnlySet<Guid> WithSubTeams(IEnumerable<Guid> teamIds)
    {
        var found = new HashSet<Guid>();
        var next = new Stack<Guid>(teamIds.Where(Contains));
        while (next.TryPop(out var id))
        {
            if (!found.Add(id)) continue;
            foreach (var child in _childrenOf[id]) next.Push(child);
        }
        return found;
    }

    /// <summary>The teams and every team above them, up to the top, each once: whose rules (blackouts) reach their members.</summary>
    public IReadOnlySet<Guid> WithParents(IEnumerable<Guid> teamIds)
    {
        var found = new HashSet<Guid>();
        foreach (var teamId in teamIds)
        {
            Guid? id = teamId;
            while (id is { } current && Contains(current) && found.Add(current)) id = _parentOf[current];
        }
        return found;
    }

    /// <summary>Whether putting <paramref name="teamId"/> under <paramref name="newParentId"/> would put it under itself.</summary>
    public bool MoveMakesCycle(Guid teamId, Guid newParentId) => WithSubTeams(teamId).Contains(newParentId);
}

/// <summary>One team as the tree sees it.</summary>
public readonly record struct TeamNode(Guid Id, Guid? ParentTeamId);
