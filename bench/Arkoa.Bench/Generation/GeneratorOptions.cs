namespace Arkoa.Bench.Generation;

/// <summary>What the data generator makes; the same options and seed always give the same rows.</summary>
public sealed record GeneratorOptions
{
    public int Companies { get; init; } = 10;
    public int Users { get; init; } = 10_000;
    public int Leaves { get; init; } = 1_000_000;
    public int Seed { get; init; } = 42;

    /// <summary>Prefix of company names and e-mail addresses, so several populations can live in one database.</summary>
    public string Tag { get; init; } = "bench";

    /// <summary>The password of every generated user (hashed once, like the Api hashes).</summary>
    public string Password { get; init; } = "Bench-password-1";

    /// <summary>Leaves span the calendar years from (today's year − Years + 1) to a quarter after today.</summary>
    public int Years { get; init; } = 5;

    /// <summary>
    /// Every MembersPerManager-th member of a company is a MANAGER (the first one is the ADMIN). Each leave request mails
    /// every active manager (SPEC §6), so this sets how much mail a write causes: 1 admin + 4 managers per 1,000 members.
    /// </summary>
    public int MembersPerManager { get; init; } = 200;

    /// <summary>Teams per company besides its default team (SPEC §10): 40 teams of 25 at 1,000 members (issue 16).</summary>
    public int TeamsPerCompany { get; init; } = 40;

    public Action<string> Progress { get; init; } = Console.WriteLine;

    public IEnumerable<string> Errors()
    {
        if (Companies < 1) yield return "--companies must be at least 1.";
        if (Users < Companies) yield return "--users must be at least --companies (every company has an admin).";
        if (Leaves < 0) yield return "--leaves cannot be negative.";
        if (Years is < 1 or > 20) yield return "--years must be between 1 and 20.";
        if (string.IsNullOrWhiteSpace(Tag) || !Tag.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            yield return "--tag must be letters, digits or '-'.";
    }
}
