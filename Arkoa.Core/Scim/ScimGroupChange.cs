namespace Arkoa.Core.Scim;

/// <summary>
/// What a SCIM request asks of a group (an Arkoa team), as a pure change set. Members are SCIM user ids (membership
/// ids). <see cref="ReplaceMembers"/> is the whole new list when the request set one; <see cref="AddMembers"/> and
/// <see cref="RemoveMembers"/> apply after it, in the order the operations came (a later one wins).
/// </summary>
public sealed class ScimGroupChange
{
    public const int DisplayNameMaxLength = Domain.Team.NameMaxLength;

    public string? DisplayName { get; set; }
    public bool ExternalIdSet { get; set; }
    public string? ExternalId { get; set; }
    public HashSet<Guid>? ReplaceMembers { get; set; }
    public HashSet<Guid> AddMembers { get; } = [];
    public HashSet<Guid> RemoveMembers { get; } = [];

    /// <summary>Whether the request names the members at all.</summary>
    public bool TouchesMembers => ReplaceMembers is not null || AddMembers.Count > 0 || RemoveMembers.Count > 0;

    /// <summary>The members after the change, from those before.</summary>
    public IReadOnlySet<Guid> MembersAfter(IEnumerable<Guid> before)
    {
        var members = new HashSet<Guid>(ReplaceMembers ?? before);
        members.UnionWith(AddMembers);
        members.ExceptWith(RemoveMembers);
        return members;
    }

    internal void Add(Guid member)
    {
        RemoveMembers.Remove(member);
        AddMembers.Add(member);
    }

    internal void Remove(Guid member)
    {
        AddMembers.Remove(member);
        RemoveMembers.Add(member);
    }

    internal void Replace(IEnumerable<Guid> members)
    {
        AddMembers.Clear();
        RemoveMembers.Clear();
        ReplaceMembers = [.. members];
    }
}
