using Arkoa.Core.Domain;
using Arkoa.Core.Sso;

namespace Arkoa.Tests.Unit;

/// <summary>Single sign-on's rules: e-mail domains, the provider's settings, whom a token signs in, and mandatory SSO.</summary>
public sealed class SsoRulesTests
{
    [Theory]
    [InlineData("exemple.fr", "exemple.fr")]
    [InlineData("  Exemple.FR. ", "exemple.fr")]
    [InlineData("café.fr", "xn--caf-dma.fr")]
    [InlineData("xn--caf-dma.fr", "xn--caf-dma.fr")]
    [InlineData("CAFÉ.fr", "xn--caf-dma.fr")]
    [InlineData("localhost", null)]
    [InlineData("exemple..fr", null)]
    [InlineData("jean@exemple.fr", null)]
    [InlineData("exemple fr.com", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void A_domain_is_compared_lower_case_in_its_ascii_form(string? domain, string? normalized) =>
        Assert.Equal(normalized, SsoEmailDomains.Normalize(domain));

    [Theory]
    [InlineData("jean@Exemple.FR", true)]
    [InlineData("jean@café.fr", true)]
    [InlineData("\"a@b\"@exemple.fr", true)] // the domain is after the last "@"
    [InlineData("jean@exemple.fr@evil.com", false)]
    [InlineData("jean@sub.exemple.fr", false)] // a subdomain is another domain
    [InlineData("jean@evilexemple.fr", false)]
    [InlineData("jean@exemple.fr.evil.com", false)]
    [InlineData("exemple.fr", false)]
    [InlineData("@exemple.fr", false)]
    public void An_address_matches_only_a_listed_domain_exactly(string email, bool allowed) =>
        Assert.Equal(allowed, SsoEmailDomains.IsAllowed(email, ["exemple.fr", "xn--caf-dma.fr"]));

    [Fact]
    public void Settings_are_normalised_and_each_refusal_names_its_field()
    {
        var (issuer, domains, error) = SsoProviderRules.Check(" https://login.exemple.fr/tenant/ ", "client", "secret", false,
            ["Exemple.FR", "exemple.fr", "café.fr"], allowPrivateTargets: false);
        Assert.Null(error);
        Assert.Equal("https://login.exemple.fr/tenant", issuer);
        Assert.Equal(["exemple.fr", "xn--caf-dma.fr"], domains);

        static DomainError? Check(string? issuer = "https://login.exemple.fr", string? clientId = "client", string? secret = "s",
            bool hasSecret = false, string[]? domains = null, bool allowPrivate = false) =>
            SsoProviderRules.Check(issuer, clientId, secret, hasSecret, domains ?? ["exemple.fr"], allowPrivate).Error;

        Assert.Equal(("issuer", ProblemCodes.Required), Pair(Check(issuer: " ")));
        Assert.Equal(("issuer", ProblemCodes.SsoIssuerNotAllowed), Pair(Check(issuer: "http://login.exemple.fr")));
        Assert.Equal("https-required", Check(issuer: "http://login.exemple.fr")!.ValuesOrEmpty["reason"]);
        Assert.Equal("private-address", Check(issuer: "https://169.254.169.254")!.ValuesOrEmpty["reason"]);
        Assert.Equal("local-name", Check(issuer: "https://keycloak")!.ValuesOrEmpty["reason"]);
        Assert.Equal("query", Check(issuer: "https://login.exemple.fr/?tenant=1")!.ValuesOrEmpty["reason"]);
        Assert.Equal("fragment", Check(issuer: "https://login.exemple.fr/#x")!.ValuesOrEmpty["reason"]);
        // A test provider on loopback, in Development only.
        Assert.Null(Check(issuer: "http://127.0.0.1:5001", allowPrivate: true));
        Assert.Equal(("clientId", ProblemCodes.Required), Pair(Check(clientId: "")));
        Assert.Equal(("clientId", ProblemCodes.TooLong), Pair(Check(clientId: new string('c', SsoProviderRules.ClientIdMaxLength + 1))));
        // The secret is write-only: left out it keeps the stored one, which must exist.
        Assert.Equal(("clientSecret", ProblemCodes.Required), Pair(Check(secret: null)));
        Assert.Null(Check(secret: null, hasSecret: true));
        Assert.Equal(("clientSecret", ProblemCodes.Required), Pair(Check(secret: "  ", hasSecret: true)));
        Assert.Equal(("allowedDomains", ProblemCodes.Required), Pair(Check(domains: [])));
        Assert.Equal(("allowedDomains", ProblemCodes.InvalidEmailDomain), Pair(Check(domains: ["exemple.fr", "intranet"])));
        Assert.Equal(("allowedDomains", ProblemCodes.OutOfRange),
            Pair(Check(domains: Enumerable.Range(0, SsoProviderRules.MaxDomains + 1).Select(i => $"d{i}.fr").ToArray())));
    }

    [Theory]
    [InlineData("sub", "jean@exemple.fr", true, null)]
    [InlineData("sub", "jean@EXEMPLE.fr", true, null)]
    [InlineData("sub", "jean@exemple.fr", false, ProblemCodes.SsoEmailNotVerified)]
    [InlineData("sub", "jean@exemple.fr", null, ProblemCodes.SsoEmailNotVerified)]
    [InlineData("sub", "jean@autre.fr", true, ProblemCodes.SsoDomainNotAllowed)]
    [InlineData("sub", null, true, ProblemCodes.SsoEmailNotVerified)]
    [InlineData(null, "jean@exemple.fr", true, ProblemCodes.SsoEmailNotVerified)]
    public void A_token_signs_in_only_a_verified_address_of_an_allowed_domain(string? subject, string? email, bool? verified, string? code) =>
        Assert.Equal(code, SsoIdentityRules.Check(new SsoIdentityRules.Claims(subject, email, verified, null), ["exemple.fr"])?.Code);

    [Fact]
    public void The_linked_subject_wins_over_the_address_and_only_a_member_s_account_is_linked_by_address()
    {
        Guid linked = Guid.NewGuid(), byEmail = Guid.NewGuid();
        // The address changed at the provider to another person's: still the linked account, never the other one.
        Assert.Equal((linked, null), SsoIdentityRules.Resolve(linked, byEmail, false, userWithEmailLinkedElsewhere: true));
        Assert.Equal((byEmail, null), SsoIdentityRules.Resolve(null, byEmail, true, userWithEmailLinkedElsewhere: false));
        Assert.Equal(ProblemCodes.SsoIdentityConflict, SsoIdentityRules.Resolve(null, byEmail, true, userWithEmailLinkedElsewhere: true).Error?.Code);
        // Another company's admin could list any domain at a provider of their own: an outsider's account is not theirs to link.
        Assert.Equal(ProblemCodes.SsoAccountNotMember, SsoIdentityRules.Resolve(null, byEmail, false, false).Error?.Code);
        Assert.Equal((null, null), SsoIdentityRules.Resolve(null, null, false, false)); // a new account
        Assert.Equal("jean", SsoIdentityRules.NameFor(new("s", "jean@exemple.fr", true, " ")));
        Assert.Equal("Jean Dupont", SsoIdentityRules.NameFor(new("s", "jean@exemple.fr", true, " Jean Dupont ")));
    }

    [Theory]
    [InlineData(UserRole.EMPLOYEE, true, true, true, true)]
    [InlineData(UserRole.MANAGER, true, true, true, true)]
    [InlineData(UserRole.ADMIN, true, true, true, false)] // break-glass
    [InlineData(UserRole.EMPLOYEE, false, true, true, false)] // a former member
    [InlineData(UserRole.EMPLOYEE, true, false, true, false)] // provider turned off
    [InlineData(UserRole.EMPLOYEE, true, true, false, false)] // SSO offered, not required
    public void A_password_is_refused_to_a_member_of_a_company_that_requires_its_sso(
        UserRole role, bool active, bool enabled, bool mandatory, bool refused)
    {
        var company = Guid.NewGuid();
        var error = SsoMandatoryRule.CheckPasswordSignIn([new(company, "Acme", role, active, enabled, mandatory)]);
        Assert.Equal(refused, error is not null);
        if (!refused) return;
        Assert.Equal(ProblemCodes.SsoRequired, error!.Code);
        Assert.Equal(company, error.ValuesOrEmpty["companyId"]);
        Assert.Equal("Acme", error.ValuesOrEmpty["companyName"]);
    }

    [Fact]
    public void Being_admin_of_one_company_does_not_excuse_the_sso_another_requires()
    {
        var other = Guid.NewGuid();
        var error = SsoMandatoryRule.CheckPasswordSignIn([
            new(Guid.NewGuid(), "Acme", UserRole.ADMIN, true, true, true),
            new(other, "Globex", UserRole.EMPLOYEE, true, true, true),
        ]);
        Assert.Equal(other, error!.ValuesOrEmpty["companyId"]);
        Assert.Null(SsoMandatoryRule.CheckPasswordSignIn([]));
    }

    [Theory]
    [InlineData(UserRole.ADMIN, true, true)]
    [InlineData(UserRole.ADMIN, false, false)]
    [InlineData(UserRole.MANAGER, true, false)]
    public void Only_an_active_admin_manages_sso(UserRole role, bool active, bool allowed)
    {
        Assert.Equal(allowed, SsoProviderRules.CheckManager(new Membership { Role = role, Active = active }) is null);
        Assert.Equal(ProblemCodes.AdminOnlySso, SsoProviderRules.CheckManager(null)!.Code);
    }

    private static (string? Field, string Code) Pair(DomainError? error) => (error!.Field, error.Code);
}
