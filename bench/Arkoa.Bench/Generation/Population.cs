namespace Arkoa.Bench.Generation;

/// <summary>What the load generator needs to know about the generated rows: who can sign in, and what they may act on.</summary>
public sealed record Population(string Password, IReadOnlyList<GeneratedCompany> Companies, GenerationCounts Counts);

public sealed record GeneratedCompany(Guid Id, string Name, IReadOnlyList<GeneratedMember> Members, IReadOnlyList<GeneratedLeave> PendingLeaves)
{
    public GeneratedMember Admin => Members[0];

    /// <summary>Each member's primary team (none without teams); its first employee manages it (<see cref="TeamGenerator"/>).</summary>
    public IReadOnlyDictionary<Guid, Guid> TeamOf { get; init; } = new Dictionary<Guid, Guid>();
}

public sealed record GeneratedMember(Guid MembershipId, Guid UserId, string Email, Arkoa.Core.Domain.UserRole Role);

/// <summary>A PENDING leave a manager can review.</summary>
public sealed record GeneratedLeave(Guid Id, Guid MembershipId);

public sealed record GenerationCounts(int Companies, int Users, long Leaves, long Balances, long History, long Holidays, TimeSpan Elapsed);
