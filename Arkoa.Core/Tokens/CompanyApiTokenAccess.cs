namespace Arkoa.Core.Tokens;

/// <summary>
/// Which requests a company API token may make, from the endpoint's route template (as the Api maps it): only inside
/// its own company, and only what an integration needs of a manager's reach. <c>read</c>: the company-wide reads a
/// manager has (the company, leaves, calendar, stats, exports, payroll, members, their leaves, balances and ledgers,
/// holidays, teams, blackout periods, cancellation requests); <c>write</c>: recording, editing, cancelling members'
/// leaves on their behalf and adjusting balances; <c>approve</c>: reviewing leaves and declining cancellation
/// requests. Everything else — the account, sessions, tokens, and the company's administration (settings, roles,
/// members, invitations, teams, approval rules, SSO, SCIM, webhooks, chat) — is for a signed-in person only. Deny by
/// default: a section added later is closed to company tokens until it is listed here.
/// </summary>
public static class CompanyApiTokenAccess
{
    private const string CompanyPrefix = "/api/companies/{companyId:guid}";
    private const string MemberPrefix = "/memberships/{membershipId:guid}";

    /// <summary>The sections a <c>read</c> token may GET, with everything under them; "" is the company itself.</summary>
    private static readonly string[] ReadSections =
    [
        "", "/leaves", "/stats", "/calendar", "/calendar.ics", "/payroll", "/payroll.csv", "/leave-balances.csv",
        "/history.csv", "/cancel-requests", "/memberships", "/holidays", "/teams", "/blackout-periods", "/ledger",
    ];

    private static readonly string[] ManagerDecisions =
    [
        "/leaves/{leaveId:guid}/review",
        "/leaves/{leaveId:guid}/cancel-request/decline",
    ];

    public static ApiTokenDecision Decide(string method, string routeTemplate, Guid? routeCompanyId, Guid tokenCompanyId, ApiTokenScopes granted)
    {
        var template = routeTemplate.TrimEnd('/');
        if (!template.StartsWith(CompanyPrefix, StringComparison.Ordinal) || routeCompanyId is null)
        {
            return new(ApiTokenVerdict.NotForTokens);
        }
        if (routeCompanyId != tokenCompanyId) return new(ApiTokenVerdict.OtherCompany);

        var rest = template[CompanyPrefix.Length..];
        ApiTokenScopes? needed = ApiTokenAccess.IsRead(method) ? (ReadSections.Any(s => IsUnder(rest, s)) ? ApiTokenScopes.Read : null)
            : ManagerDecisions.Contains(rest) ? ApiTokenScopes.Approve
            : rest.StartsWith(MemberPrefix + "/leaves", StringComparison.Ordinal) || rest == MemberPrefix + "/leave-balances" ? ApiTokenScopes.Write
            : null;
        if (needed is not { } scopes) return new(ApiTokenVerdict.NotForTokens);
        var missing = scopes & ~granted;
        return missing == ApiTokenScopes.None ? new(ApiTokenVerdict.Allowed) : new(ApiTokenVerdict.ScopeMissing, missing);
    }

    private static bool IsUnder(string rest, string section) =>
        rest == section || (section.Length > 0 ? rest.StartsWith(section + "/", StringComparison.Ordinal) : false);
}
