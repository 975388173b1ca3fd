using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;

namespace Arkoa.Core.Sso;

/// <summary>Every refusal about single sign-on, with its stable code (<see cref="ProblemCodes"/>).</summary>
public static class SsoErrors
{
    public static readonly DomainError AdminOnly = new(ProblemCodes.AdminOnlySso, DomainErrorKind.Forbidden,
        "Only an admin of the company can manage its single sign-on.");

    public static readonly DomainError NotConfigured = new(ProblemCodes.SsoNotConfigured, DomainErrorKind.NotFound,
        "This company has no single sign-on, or it is turned off.");

    public static DomainError Required(string field) => new(ProblemCodes.Required, DomainErrorKind.Validation, "This field is required.", field);

    public static DomainError TooLong(string field, int max) => new(ProblemCodes.TooLong, DomainErrorKind.Validation,
        $"At most {max} characters.", field, new Dictionary<string, object?> { ["max"] = max });

    public static readonly DomainError DomainsRequired = new(ProblemCodes.Required, DomainErrorKind.Validation,
        "List at least one e-mail domain.", "allowedDomains");

    public static readonly DomainError TooManyDomains = new(ProblemCodes.OutOfRange, DomainErrorKind.Validation,
        $"At most {SsoProviderRules.MaxDomains} domains.", "allowedDomains",
        new Dictionary<string, object?> { ["min"] = 1, ["max"] = SsoProviderRules.MaxDomains });

    public static DomainError InvalidDomain(string domain) => new(ProblemCodes.InvalidEmailDomain, DomainErrorKind.Validation,
        $"\"{domain}\" is not an e-mail domain (such as exemple.fr).", "allowedDomains",
        new Dictionary<string, object?> { ["domain"] = domain });

    /// <summary>The issuer address is refused; <paramref name="reason"/> says why (the webhooks' reasons, and <c>query</c>).</summary>
    public static DomainError IssuerNotAllowed(string reason, string message) => new(ProblemCodes.SsoIssuerNotAllowed,
        DomainErrorKind.Validation, message, "issuer", new Dictionary<string, object?> { ["reason"] = reason });

    public static DomainError IssuerNotAllowed(WebhookTargetRefusal refusal) =>
        IssuerNotAllowed(WebhookTargetRules.ReasonCode(refusal), WebhookTargetRules.Explain(refusal));

    /// <summary>A password sign-in by a member of a company whose members must use its single sign-on.</summary>
    public static DomainError SsoRequired(Guid companyId, string companyName) => new(ProblemCodes.SsoRequired, DomainErrorKind.Forbidden,
        $"{companyName} requires signing in with its single sign-on.", null,
        new Dictionary<string, object?> { ["companyId"] = companyId, ["companyName"] = companyName });

    public static readonly DomainError EmailNotVerified = new(ProblemCodes.SsoEmailNotVerified, DomainErrorKind.Forbidden,
        "Your identity provider does not vouch for your e-mail address (it is not verified there).");

    public static readonly DomainError DomainNotAllowed = new(ProblemCodes.SsoDomainNotAllowed, DomainErrorKind.Forbidden,
        "Your e-mail address is not in a domain this company's single sign-on accepts.");

    public static readonly DomainError AccountNotMember = new(ProblemCodes.SsoAccountNotMember, DomainErrorKind.Forbidden,
        "An account with this e-mail address exists and is not a member of this company: sign in with your password, or ask for an invitation.");

    public static readonly DomainError ProviderUnavailable = new(ProblemCodes.SsoProviderUnavailable, DomainErrorKind.Conflict,
        "The company's identity provider cannot be reached or answered wrongly. Try again later, or tell your admin.");

    public static readonly DomainError IdentityConflict = new(ProblemCodes.SsoIdentityConflict, DomainErrorKind.Conflict,
        "The account with this e-mail address is already linked to another identity at this provider.");
}
