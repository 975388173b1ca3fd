using Arkoa.Core.Tokens;

namespace Arkoa.Tests.Unit;

/// <summary>
/// Which requests a personal API token may make (issue 18): the whole table of routes × scopes, deny by default for
/// writes, never outside its company.
/// </summary>
public sealed class ApiTokenAccessTests
{
    private static readonly Guid Company = Guid.NewGuid(), Own = Guid.NewGuid(), Other = Guid.NewGuid();
    private const ApiTokenScopes R = ApiTokenScopes.Read, W = ApiTokenScopes.Write, A = ApiTokenScopes.Approve, All = R | W | A;
    private const string C = "/api/companies/{companyId:guid}";

    /// <summary>Method, route template, whose membership the route names (own, other or none), the scopes it needs (null: no token may).</summary>
    public static TheoryData<string, string, string, ApiTokenScopes?> Table => new()
    {
        { "GET", C, "none", R },
        { "GET", C + "/memberships/{membershipId:guid}/leaves/", "other", R },
        { "GET", C + "/calendar", "none", R },
        { "HEAD", C + "/calendar", "none", R },
        { "POST", C + "/memberships/{membershipId:guid}/leaves/", "own", W },
        { "PATCH", C + "/memberships/{membershipId:guid}/leaves/{leaveId:guid}", "own", W },
        { "POST", C + "/memberships/{membershipId:guid}/leaves/{leaveId:guid}/cancel", "own", W },
        { "DELETE", C + "/memberships/{membershipId:guid}/leaves/{leaveId:guid}", "own", W },
        { "POST", C + "/memberships/{membershipId:guid}/leaves/{leaveId:guid}/cancel-request", "own", W },
        { "POST", C + "/memberships/{membershipId:guid}/leaves/{leaveId:guid}/cancel-request/withdraw", "own", W },
        // Another member's leaves: a manager's act, so approve as well.
        { "POST", C + "/memberships/{membershipId:guid}/leaves/", "other", W | A },
        { "POST", C + "/memberships/{membershipId:guid}/leaves/{leaveId:guid}/cancel", "other", W | A },
        { "POST", C + "/leaves/{leaveId:guid}/review", "none", A },
        { "POST", C + "/leaves/{leaveId:guid}/cancel-request/decline", "none", A },
        { "POST", C + "/memberships/{membershipId:guid}/leave-balances", "other", A },
        { "POST", C + "/memberships/{membershipId:guid}/leave-balances", "own", A },
        // The company's administration and anything outside a company: for a signed-in person only.
        { "PATCH", C, "none", null },
        { "DELETE", C, "none", null },
        { "POST", C + "/memberships/", "none", null },
        { "PATCH", C + "/memberships/{membershipId:guid}", "other", null },
        { "POST", C + "/holidays/", "none", null },
        { "PUT", C + "/logo/", "none", null },
        { "DELETE", C + "/invitations/{invitationId:guid}", "none", null },
        { "POST", C + "/something-added-later", "none", null },
        // Webhooks, reads included: an admin's, signed in.
        { "GET", C + "/webhooks/", "none", null },
        { "POST", C + "/webhooks/", "none", null },
        { "GET", C + "/webhooks/{webhookId:guid}/deliveries", "none", null },
        { "POST", C + "/webhooks/{webhookId:guid}/ping", "none", null },
        { "DELETE", C + "/webhooks/{webhookId:guid}", "none", null },
        { "GET", C + "/chat-channels/", "none", null },
        { "POST", C + "/chat-channels/{channelId:guid}/test", "none", null },
        { "GET", "/api/users/me/api-tokens", "none", null },
        { "POST", "/api/users/me/api-tokens", "none", null },
        { "DELETE", "/api/users/me/api-tokens/{tokenId:guid}", "none", null },
        { "POST", "/api/auth/change-password", "none", null },
        { "PATCH", "/api/users/me", "none", null },
        { "GET", "/api/auth/sessions", "none", null },
        { "GET", "/api/companies/", "none", null },
        { "POST", "/api/companies/", "none", null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_route_needs_its_scopes_or_is_closed_to_tokens(string method, string template, string member, ApiTokenScopes? needed)
    {
        var company = template.StartsWith(C, StringComparison.Ordinal) ? Company : (Guid?)null;
        Guid? membership = member switch { "own" => Own, "other" => Other, _ => null };
        var decide = (ApiTokenScopes granted) => ApiTokenAccess.Decide(method, template, company, membership, Company, Own, granted);

        if (needed is not { } scopes)
        {
            Assert.Equal(ApiTokenVerdict.NotForTokens, decide(All).Verdict);
            return;
        }
        Assert.Equal(ApiTokenVerdict.Allowed, decide(scopes).Verdict);
        // Each scope it needs is needed: without it, refused naming exactly that one.
        foreach (var (scope, _) in ApiTokenScopeNames.All.Where(s => scopes.HasFlag(s.Scope)))
        {
            var refused = decide(All & ~scope);
            Assert.Equal(ApiTokenVerdict.ScopeMissing, refused.Verdict);
            Assert.Equal(scope, refused.Missing);
        }
    }

    [Fact]
    public void A_token_reaches_no_other_company_whatever_its_scopes()
    {
        var elsewhere = ApiTokenAccess.Decide("GET", C + "/calendar", Guid.NewGuid(), null, Company, Own, All);
        Assert.Equal(ApiTokenVerdict.OtherCompany, elsewhere.Verdict);
    }
}
