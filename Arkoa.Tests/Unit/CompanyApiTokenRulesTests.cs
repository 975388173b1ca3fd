using Arkoa.Core.Domain;
using Arkoa.Core.Tokens;

namespace Arkoa.Tests.Unit;

/// <summary>What a new company API token must be (issue 18): made by an active admin, a name, known scopes, 1 to 366 days, a bounded number.</summary>
public sealed class CompanyApiTokenRulesTests
{
    private static Membership Member(UserRole role, bool active = true) => new() { Role = role, Active = active };

    [Fact]
    public void An_admin_may_give_every_scope()
    {
        var (granted, error) = CompanyApiTokenRules.CheckCreate("Payroll", ["approve", "read", "write"], null, Member(UserRole.ADMIN), live: 0);
        Assert.Null(error);
        Assert.Equal(ApiTokenScopes.Read | ApiTokenScopes.Write | ApiTokenScopes.Approve, granted);
    }

    [Theory]
    [InlineData(UserRole.MANAGER, true, "admin-only-api-tokens")]
    [InlineData(UserRole.EMPLOYEE, true, "admin-only-api-tokens")]
    [InlineData(UserRole.ADMIN, false, "forbidden")]
    public void Only_an_active_admin_may_create_one(UserRole role, bool active, string code)
    {
        var (_, error) = CompanyApiTokenRules.CheckCreate("Payroll", ["read"], 30, Member(role, active), live: 0);
        Assert.Equal(code, error?.Code);
        Assert.Equal("forbidden", CompanyApiTokenRules.CheckCreate("Payroll", ["read"], 30, null, 0).Error?.Code);
    }

    [Theory]
    [InlineData("", new[] { "read" }, 30, "required", "name")]
    [InlineData("CI", new string[0], 30, "required", "scopes")]
    [InlineData("CI", new[] { "admin" }, 30, "invalid-choice", "scopes")]
    [InlineData("CI", new[] { "read" }, 0, "out-of-range", "expiresInDays")]
    [InlineData("CI", new[] { "read" }, 367, "out-of-range", "expiresInDays")]
    public void A_bad_request_is_refused_naming_its_field(string name, string[] scopes, int days, string code, string field)
    {
        var (_, error) = CompanyApiTokenRules.CheckCreate(name, scopes, days, Member(UserRole.ADMIN), live: 0);
        Assert.Equal(code, error?.Code);
        Assert.Equal(field, error?.Field);
    }

    [Fact]
    public void The_fifty_first_live_token_is_refused()
    {
        Assert.Null(CompanyApiTokenRules.CheckCreate("CI", ["read"], 30, Member(UserRole.ADMIN), live: 49).Error);
        Assert.Equal("too-many-tokens", CompanyApiTokenRules.CheckCreate("CI", ["read"], 30, Member(UserRole.ADMIN), live: 50).Error?.Code);
    }

    [Fact]
    public void A_revoked_or_expired_token_is_not_live()
    {
        var now = new DateTime(2027, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        Assert.True(CompanyApiTokenRules.IsLive(now.AddSeconds(1), null, now));
        Assert.False(CompanyApiTokenRules.IsLive(now, null, now));
        Assert.False(CompanyApiTokenRules.IsLive(now.AddDays(1), now.AddMinutes(-1), now));
    }
}
