using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;
using Arkoa.Core.Teams;

namespace Arkoa.Tests.Unit;

/// <summary>SPEC §10's rules for changing teams, without a database: who, names, the tree, deletion and who may join.</summary>
public sealed class TeamRulesTests
{
    private static readonly Guid Sales = Guid.NewGuid(), SalesEast = Guid.NewGuid(), SalesEastNight = Guid.NewGuid(), Support = Guid.NewGuid();
    private static readonly TeamTree Tree = new([new(Sales, null), new(SalesEast, Sales), new(SalesEastNight, SalesEast), new(Support, null)]);

    [Theory]
    [InlineData(UserRole.ADMIN, true, "ok")]
    [InlineData(UserRole.ADMIN, false, "admin-only-teams")]
    [InlineData(UserRole.MANAGER, true, "admin-only-teams")]
    [InlineData(UserRole.EMPLOYEE, true, "admin-only-teams")]
    public void Only_an_active_admin_changes_teams(UserRole role, bool active, string expected) =>
        Assert.Equal(expected, Code(TeamRules.CheckChange(new MembershipState(Guid.NewGuid(), role, active))));

    [Theory]
    [InlineData("Marketing", null, "ok")]
    [InlineData("", null, "name-blank")]
    [InlineData("sales", null, "team-name-taken")]
    [InlineData("SALES", null, "team-name-taken")]
    [InlineData("Sales", "sales", "ok")]         // renaming a team to its own name in another case
    [InlineData("Support", "sales", "team-name-taken")]
    public void A_name_is_not_blank_and_unique_in_the_company_ignoring_case(string name, string? renamed, string expected)
    {
        var teams = new[] { (Sales, "Sales"), (Support, "Support") };
        Guid? teamId = renamed is null ? null : Sales;

        var error = TeamRules.CheckName(name, teamId, teams);

        Assert.Equal(expected, Code(error));
        if (error is not null) Assert.Equal("name", error.Field);
    }

    [Fact]
    public void A_team_taken_name_says_which_name_for_the_web_to_show()
    {
        var error = TeamRules.CheckName("sales", null, [(Sales, "Sales")]);

        Assert.Equal(DomainErrorKind.Conflict, error!.Kind);
        Assert.Equal("sales", error.ValuesOrEmpty["name"]);
    }

    public static TheoryData<string, Guid?, Guid?, string> Moves => new()
    {
        { "a new team at the top", null, null, "ok" },
        { "a new team under Sales East", null, SalesEast, "ok" },
        { "a new team under a team of another company", null, Guid.NewGuid(), "team-parent-not-found" },
        { "Support under Sales East", Support, SalesEast, "ok" },
        { "Sales East to the top", SalesEast, null, "ok" },
        { "Sales under itself", Sales, Sales, "team-cycle" },
        { "Sales under its sub-team", Sales, SalesEast, "team-cycle" },
        { "Sales under its sub-sub-team", Sales, SalesEastNight, "team-cycle" },
        { "Sales East Night under Sales", SalesEastNight, Sales, "ok" },
    };

    [Theory]
    [MemberData(nameof(Moves))]
    public void A_team_goes_under_a_team_of_the_company_but_never_under_itself(string move, Guid? team, Guid? parent, string expected)
    {
        var error = TeamRules.CheckParent(team, parent, Tree);

        Assert.True(expected == Code(error), $"{move}: expected {expected}, got {Code(error)}");
        if (error is not null) Assert.Equal("parentTeamId", error.Field);
    }

    [Fact]
    public void A_team_with_sub_teams_and_the_default_team_are_not_deleted()
    {
        Assert.Equal("team-has-sub-teams", Code(TeamRules.CheckDelete(new Team { Id = Sales, Name = "Sales" }, Tree)));
        Assert.Equal("team-has-sub-teams", Code(TeamRules.CheckDelete(new Team { Id = SalesEast, Name = "Sales East" }, Tree)));
        Assert.Equal("ok", Code(TeamRules.CheckDelete(new Team { Id = SalesEastNight, Name = "Night" }, Tree)));
        Assert.Equal("default-team-kept", Code(TeamRules.CheckDelete(new Team { Id = Support, Name = "Support", IsDefault = true }, Tree)));
    }

    [Fact]
    public void Only_an_active_member_of_the_company_joins_or_manages_a_team()
    {
        Assert.Equal("membership-not-found", Code(TeamRules.CheckMember(null)));
        Assert.Equal("team-member-inactive", Code(TeamRules.CheckMember(new MembershipState(Guid.NewGuid(), UserRole.EMPLOYEE, false))));
        Assert.Equal("ok", Code(TeamRules.CheckMember(new MembershipState(Guid.NewGuid(), UserRole.EMPLOYEE, true))));
    }

    [Fact]
    public void The_tree_reaches_every_team_under_the_given_ones_once_and_ignores_unknown_ids()
    {
        Assert.Equal(new HashSet<Guid> { Sales, SalesEast, SalesEastNight }, Tree.WithSubTeams(Sales));
        Assert.Equal(new HashSet<Guid> { SalesEast, SalesEastNight, Support }, Tree.WithSubTeams([SalesEast, SalesEastNight, Support]));
        Assert.Empty(Tree.WithSubTeams(Guid.NewGuid()));
    }

    private static string Code(DomainError? error) => error?.Code ?? "ok";
}
