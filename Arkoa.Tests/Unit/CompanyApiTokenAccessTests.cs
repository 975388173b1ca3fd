using Arkoa.Core.Tokens;

namespace Arkoa.Tests.Unit;

/// <summary>
/// Which requests a company API token may make (issue 18): a manager's company-wide reads, members' leaves and balance
/// adjustments, managers' decisions; never the account, tokens or the company's administration, reads included.
/// </summary>
public sealed class CompanyApiTokenAccessTests
{
    private static readonly Guid Company = Guid.NewGuid();
    private const ApiTokenScopes R = ApiTokenScopes.Read, W = ApiTokenScopes.Write, A = ApiTokenScopes.Approve, All = R | W | A;
    private const string C = "/api/companies/{companyId:guid}";
    private const string M = C + "/memberships/{membershipId:guid}";

    /// <summary>Method, route template, the scopes it needs (null: no company token may).</summary>
    public static TheoryData<string, string, ApiTokenScopes?> Table => new()
    {
        { "GET", C, R },
        { "GET", C + "/leaves", R },
        { "GET", C + "/leaves/stats", R },
        { "GET", C + "/leaves/{leaveId:guid}/approval", R },
        { "GET", C + "/stats/charts", R },
        { "GET", C + "/calendar", R },
        { "HEAD", C + "/calendar.ics", R },
        { "GET", C + "/payroll.csv", R },
        { "GET", C + "/leave-balances.csv", R },
        { "GET", C + "/history.csv", R },
        { "GET", C + "/cancel-requests", R },
        { "GET", C + "/memberships/", R },
        { "GET", M + "/leaves/", R },
        { "GET", M + "/leave-balances", R },
        { "GET", M + "/leave-balance-history", R },
        { "GET", M + "/ledger", R },
        { "GET", C + "/ledger/verify", R },
        { "GET", C + "/teams/{teamId:guid}/capacity", R },
        // Recording members' leaves on their behalf, and adjusting balances: write.
        { "POST", M + "/leaves/", W },
        { "PATCH", M + "/leaves/{leaveId:guid}", W },
        { "POST", M + "/leaves/{leaveId:guid}/cancel", W },
        { "DELETE", M + "/leaves/{leaveId:guid}", W },
        { "POST", M + "/leave-balances", W },
        // Managers' decisions: approve.
        { "POST", C + "/leaves/{leaveId:guid}/review", A },
        { "POST", C + "/leaves/{leaveId:guid}/cancel-request/decline", A },
        // The company's administration, reads included, and anything outside a company.
        { "PATCH", C, null },
        { "DELETE", C, null },
        { "POST", C + "/memberships/", null },
        { "PATCH", M, null },
        { "PUT", M + "/approver", null },
        { "GET", C + "/invitations/", null },
        { "GET", C + "/member-approvers", null },
        { "GET", C + "/approval-chain/", null },
        { "GET", C + "/approval-delegations/", null },
        { "POST", C + "/teams/", null },
        { "POST", C + "/holidays/", null },
        { "GET", C + "/logo/", null },
        { "GET", C + "/webhooks/", null },
        { "GET", C + "/chat-channels/", null },
        { "GET", C + "/scim-token/", null },
        { "GET", C + "/sso", null },
        { "GET", C + "/api-tokens/", null },
        { "POST", C + "/api-tokens/", null },
        { "GET", C + "/something-added-later", null },
        { "GET", "/api/users/me/api-tokens", null },
        { "POST", "/api/auth/change-password", null },
        { "GET", "/api/auth/sessions", null },
        { "GET", "/api/companies/", null },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Each_route_needs_its_scope_or_is_closed_to_company_tokens(string method, string template, ApiTokenScopes? needed)
    {
        var company = template.StartsWith(C, StringComparison.Ordinal) ? Company : (Guid?)null;
        var decide = (ApiTokenScopes granted) => CompanyApiTokenAccess.Decide(method, template, company, Company, granted);

        if (needed is not { } scope)
        {
            Assert.Equal(ApiTokenVerdict.NotForTokens, decide(All).Verdict);
            return;
        }
        Assert.Equal(ApiTokenVerdict.Allowed, decide(scope).Verdict);
        var refused = decide(All & ~scope);
        Assert.Equal(ApiTokenVerdict.ScopeMissing, refused.Verdict);
        Assert.Equal(scope, refused.Missing);
    }

    [Fact]
    public void A_company_token_reaches_no_other_company_whatever_its_scopes()
    {
        Assert.Equal(ApiTokenVerdict.OtherCompany, CompanyApiTokenAccess.Decide("GET", C + "/calendar", Guid.NewGuid(), Company, All).Verdict);
    }

    [Fact]
    public void A_personal_token_never_reaches_the_company_s_tokens()
    {
        foreach (var method in new[] { "GET", "POST", "DELETE" })
        {
            Assert.Equal(ApiTokenVerdict.NotForTokens,
                ApiTokenAccess.Decide(method, C + "/api-tokens/{tokenId:guid}", Company, null, Company, Guid.NewGuid(), All).Verdict);
        }
    }
}
