namespace Arkoa.Core.Tokens;

/// <summary>What an API token needs for one request, or why no token may make it.</summary>
public enum ApiTokenVerdict
{
    Allowed,

    /// <summary>The request is for another company than the token's.</summary>
    OtherCompany,

    /// <summary>No token may do this, whatever its scopes: tokens, account, sessions, company administration.</summary>
    NotForTokens,

    /// <summary>The token lacks <see cref="ApiTokenDecision.Missing"/>.</summary>
    ScopeMissing,
}

public sealed record ApiTokenDecision(ApiTokenVerdict Verdict, ApiTokenScopes Missing = ApiTokenScopes.None);

/// <summary>
/// Which requests a personal API token may make, from the endpoint's route template (as the Api maps it) and route
/// values: only inside its own company; reads need <c>read</c>; writes to the owner's own leaves need <c>write</c>;
/// managers' decisions (reviews, declining a cancellation, balance adjustments, another member's leaves) need
/// <c>approve</c>; every other write — the account, sessions, tokens, and the company's administration — and the
/// company's webhooks, chat channels, SCIM token and single sign-on (reads too) are for a signed-in person only. Deny by default: a write endpoint added later is closed to tokens until it is listed here.
/// The endpoint itself still checks the owner's current role, so a token never does more than its owner may now.
/// </summary>
public static class ApiTokenAccess
{
    private const string CompanyPrefix = "/api/companies/{companyId:guid}";
    private const string MemberPrefix = "/memberships/{membershipId:guid}";

    /// <summary>
    /// The company's webhooks, reads included: their deliveries show the company's events and where they go, and a
    /// token that could add an endpoint could send the company's data anywhere.
    /// </summary>
    private const string Webhooks = "/webhooks";

    /// <summary>The company's Slack and Teams channels, reads included, for the same reasons as <see cref="Webhooks"/>.</summary>
    private const string ChatChannels = "/chat-channels";

    /// <summary>The company's SCIM token, reads included: it provisions the company's members.</summary>
    private const string ScimToken = "/scim-token";

    /// <summary>The company's API tokens, reads included: only a signed-in admin manages them.</summary>
    private const string CompanyTokens = "/api-tokens";

    /// <summary>The company's single sign-on, reads included: it decides who may enter as the company's members.</summary>
    private const string Sso = "/sso";

    private static readonly string[] ManagerDecisions =
    [
        "/leaves/{leaveId:guid}/review",
        "/leaves/{leaveId:guid}/cancel-request/decline",
        MemberPrefix + "/leave-balances",
    ];

    private static bool IsUnder(string rest, string section) => rest == section || rest.StartsWith(section + "/", StringComparison.Ordinal);

    public static ApiTokenDecision Decide(
        string method, string routeTemplate, Guid? routeCompanyId, Guid? routeMembershipId,
        Guid tokenCompanyId, Guid ownerMembershipId, ApiTokenScopes granted)
    {
        var template = routeTemplate.TrimEnd('/');
        if (!template.StartsWith(CompanyPrefix, StringComparison.Ordinal) || routeCompanyId is null)
        {
            return new(ApiTokenVerdict.NotForTokens);
        }
        if (routeCompanyId != tokenCompanyId) return new(ApiTokenVerdict.OtherCompany);

        var rest = template[CompanyPrefix.Length..];
        if (IsUnder(rest, Webhooks) || IsUnder(rest, ChatChannels) || rest == ScimToken || IsUnder(rest, CompanyTokens) || rest == Sso) return new(ApiTokenVerdict.NotForTokens);
        ApiTokenScopes? needed = IsRead(method) ? ApiTokenScopes.Read
            : ManagerDecisions.Contains(rest) ? ApiTokenScopes.Approve
            : rest.StartsWith(MemberPrefix + "/leaves", StringComparison.Ordinal)
                ? ApiTokenScopes.Write | (routeMembershipId == ownerMembershipId ? ApiTokenScopes.None : ApiTokenScopes.Approve)
            : null;
        if (needed is not { } scopes) return new(ApiTokenVerdict.NotForTokens);
        var missing = scopes & ~granted;
        return missing == ApiTokenScopes.None ? new(ApiTokenVerdict.Allowed) : new(ApiTokenVerdict.ScopeMissing, missing);
    }

    public static bool IsRead(string method) =>
        string.Equals(method, "GET", StringComparison.OrdinalIgnoreCase) || string.Equals(method, "HEAD", StringComparison.OrdinalIgnoreCase);
}
