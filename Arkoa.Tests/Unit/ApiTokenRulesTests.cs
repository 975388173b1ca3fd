using Arkoa.Core.Domain;
using Arkoa.Core.Tokens;

namespace Arkoa.Tests.Unit;

/// <summary>What a new personal API token must be (issue 18): a name, known scopes its owner may hold, 1 to 366 days.</summary>
public sealed class ApiTokenRulesTests
{
    private static Membership Member(UserRole role, bool active = true) => new() { Role = role, Active = active };

    [Theory]
    [InlineData(UserRole.EMPLOYEE, new[] { "read" }, ApiTokenScopes.Read)]
    [InlineData(UserRole.EMPLOYEE, new[] { "read", "write", "read" }, ApiTokenScopes.Read | ApiTokenScopes.Write)]
    [InlineData(UserRole.MANAGER, new[] { "approve" }, ApiTokenScopes.Approve)]
    [InlineData(UserRole.ADMIN, new[] { "write", "approve", "read" }, ApiTokenScopes.Read | ApiTokenScopes.Write | ApiTokenScopes.Approve)]
    public void A_member_gets_the_scopes_asked_that_their_role_allows(UserRole role, string[] scopes, ApiTokenScopes expected)
    {
        var (granted, error) = ApiTokenRules.CheckCreate("CI", scopes, 30, Member(role), existing: 0);
        Assert.Null(error);
        Assert.Equal(expected, granted);
    }

    [Theory]
    [InlineData("", new[] { "read" }, 30, "required", "name")]
    [InlineData("   ", new[] { "read" }, 30, "required", "name")]
    [InlineData("CI", new string[0], 30, "required", "scopes")]
    [InlineData("CI", new[] { "read", "admin" }, 30, "invalid-choice", "scopes")]
    [InlineData("CI", new[] { "READ" }, 30, "invalid-choice", "scopes")]
    [InlineData("CI", new[] { "read" }, 0, "out-of-range", "expiresInDays")]
    [InlineData("CI", new[] { "read" }, 367, "out-of-range", "expiresInDays")]
    [InlineData("CI", new[] { "approve" }, 30, "token-scope-not-yours", "scopes")]
    public void A_bad_request_is_refused_naming_its_field(string name, string[] scopes, int days, string code, string field)
    {
        var (_, error) = ApiTokenRules.CheckCreate(name, scopes, days, Member(UserRole.EMPLOYEE), existing: 0);
        Assert.Equal(code, error?.Code);
        Assert.Equal(field, error?.Field);
    }

    [Fact]
    public void A_name_of_101_characters_is_too_long_and_100_is_fine()
    {
        Assert.Equal("too-long", ApiTokenRules.CheckCreate(new string('n', 101), ["read"], null, Member(UserRole.EMPLOYEE), 0).Error?.Code);
        Assert.Null(ApiTokenRules.CheckCreate(new string('n', 100), ["read"], null, Member(UserRole.EMPLOYEE), 0).Error);
    }

    [Fact]
    public void Someone_who_is_not_an_active_member_gets_no_token_for_the_company()
    {
        Assert.Equal(DomainErrorKind.Forbidden, ApiTokenRules.CheckCreate("CI", ["read"], null, null, 0).Error?.Kind);
        Assert.Equal(DomainErrorKind.Forbidden, ApiTokenRules.CheckCreate("CI", ["read"], null, Member(UserRole.ADMIN, active: false), 0).Error?.Kind);
    }

    [Fact]
    public void A_person_holds_at_most_fifty_tokens()
    {
        Assert.Null(ApiTokenRules.CheckCreate("CI", ["read"], null, Member(UserRole.EMPLOYEE), 49).Error);
        Assert.Equal("too-many-tokens", ApiTokenRules.CheckCreate("CI", ["read"], null, Member(UserRole.EMPLOYEE), 50).Error?.Code);
    }

    [Fact]
    public void A_token_lives_90_days_unless_asked_at_most_366_and_stops_at_its_expiry_instant()
    {
        var now = new DateTime(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);
        Assert.Equal(now.AddDays(90), ApiTokenRules.ExpiresAt(now, null));
        Assert.Equal(now.AddDays(366), ApiTokenRules.ExpiresAt(now, 366));
        var expiry = ApiTokenRules.ExpiresAt(now, 1);
        Assert.True(ApiTokenRules.IsLive(expiry, expiry.AddTicks(-1)));
        Assert.False(ApiTokenRules.IsLive(expiry, expiry));
    }
}
