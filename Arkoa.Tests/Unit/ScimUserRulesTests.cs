using Arkoa.Core.Scim;

namespace Arkoa.Tests.Unit;

/// <summary>What SCIM may not do to an account: change its address, deactivate the last admin, rename a shared account.</summary>
public sealed class ScimUserRulesTests
{
    [Theory]
    [InlineData("ada@contoso.com", true)]
    [InlineData("Test_User_ab6490ee@contoso.com", true)]
    [InlineData("ada", false)]
    [InlineData("@contoso.com", false)]
    [InlineData("ada@", false)]
    [InlineData("a@b@c", false)]
    [InlineData("ada lovelace@contoso.com", false)]
    public void A_user_name_is_an_address(string userName, bool valid) =>
        Assert.Equal(valid, ScimUserRules.CheckUserName(userName) is null);

    [Fact]
    public void The_address_is_never_changed_through_scim_but_its_case_may_differ()
    {
        Assert.Null(ScimUserRules.CheckSameAddress(null, "ada@contoso.com"));
        Assert.Null(ScimUserRules.CheckSameAddress(" Ada@Contoso.com ", "ada@contoso.com"));
        Assert.Equal("mutability", ScimUserRules.CheckSameAddress("eve@contoso.com", "ada@contoso.com")!.ScimType);
    }

    [Theory]
    [InlineData(false, true, "mutability")]
    [InlineData(false, false, null)]
    [InlineData(true, true, null)]
    public void The_last_active_admin_is_never_deactivated(bool newActive, bool isLastActiveAdmin, string? scimType) =>
        Assert.Equal(scimType, ScimUserRules.CheckActive(newActive, isLastActiveAdmin)?.ScimType);

    [Fact]
    public void Only_an_account_of_this_company_alone_follows_the_providers_name()
    {
        Assert.True(ScimUserRules.MayRename(0));
        Assert.False(ScimUserRules.MayRename(1));
    }
}

/// <summary>Arkoa's own refusals in SCIM's terms.</summary>
public sealed class ScimErrorMappingTests
{
    [Fact]
    public void A_team_name_taken_is_uniqueness_another_conflict_mutability_a_refused_value_invalid_value()
    {
        Assert.Equal((409, "uniqueness"), Map(Arkoa.Core.Teams.TeamErrors.NameTaken("Sales")));
        Assert.Equal((400, "mutability"), Map(Arkoa.Core.Teams.TeamErrors.DefaultTeamKept));
        Assert.Equal((400, "mutability"), Map(Arkoa.Core.Teams.TeamErrors.HasSubTeams));
        Assert.Equal((400, "invalidValue"), Map(Arkoa.Core.Teams.TeamErrors.NameBlank));
        Assert.Equal((404, null), Map(Arkoa.Core.Teams.TeamErrors.TeamNotFound));
    }

    private static (int, string?) Map(Arkoa.Core.Domain.DomainError error)
    {
        var scim = ScimError.From(error);
        return (scim.Status, scim.ScimType);
    }
}
