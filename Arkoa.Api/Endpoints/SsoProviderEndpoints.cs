using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Sso;
using Arkoa.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/sso (issue 18): the company's OpenID Connect provider, managed by its signed-in admins
/// only (no API token, <see cref="Core.Tokens.ApiTokenAccess"/>). The client secret is write-only: kept encrypted
/// (<see cref="WebhookSecretProtector"/>, bound to the row) and never answered. Signing in: <see cref="SsoSignInEndpoints"/>.
/// </summary>
public static class SsoProviderEndpoints
{
    public static RouteGroupBuilder MapSsoProviderEndpoints(this RouteGroupBuilder api)
    {
        var sso = api.MapGroup("/companies/{companyId:guid}/sso").WithTags("Single sign-on")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        sso.MapGet("/", Get).WithName("GetSsoProvider")
            .WithSummary("The company's single sign-on settings, whether a client secret is set but never the secret, and the redirect path to register (admin, signed in: not a token).");
        sso.MapPut("/", Put).WithName("SetSsoProvider")
            .WithSummary("Sets the company's OpenID Connect provider: issuer, client id, client secret (left out: kept), allowed e-mail domains, mandatory, enabled (admin, signed in).")
            .ProducesValidationProblem();
        sso.MapDelete("/", Delete).WithName("DeleteSsoProvider")
            .WithSummary("Removes the company's single sign-on; accounts keep their links to the provider's identities (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<SsoProviderResponse>, ProblemHttpResult>> Get(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var provider = await db.CompanySsoProviders.AsNoTracking().SingleOrDefaultAsync(p => p.CompanyId == companyId, cancellationToken);
        return TypedResults.Ok(ToResponse(provider));
    }

    private static async Task<Results<Ok<SsoProviderResponse>, ProblemHttpResult>> Put(
        Guid companyId, SsoProviderRequest request, HttpContext context, ArkoaDbContext db, WebhookSecretProtector protector,
        IOptions<WebhookSettings> settings, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var provider = await db.CompanySsoProviders.SingleOrDefaultAsync(p => p.CompanyId == companyId, cancellationToken);
        var (issuer, domains, error) = SsoProviderRules.Check(request.Issuer, request.ClientId, request.ClientSecret,
            hasSecret: provider is not null, request.AllowedDomains, settings.Value.AllowPrivateTargets);
        if (error is not null) return error.ToProblem();

        if (provider is null)
        {
            provider = new CompanySsoProvider { CompanyId = companyId, IssuerUrl = issuer, ClientId = "", EncryptedClientSecret = "", AllowedDomains = domains };
            db.CompanySsoProviders.Add(provider);
        }
        provider.IssuerUrl = issuer;
        provider.ClientId = request.ClientId!.Trim();
        provider.AllowedDomains = domains;
        provider.Mandatory = request.Mandatory;
        provider.Enabled = request.Enabled;
        if (request.ClientSecret is { } secret) provider.EncryptedClientSecret = protector.Protect(secret.Trim(), provider.Id);
        await db.SaveChangesAsync(cancellationToken);
        loggers.CreateLogger(typeof(SsoProviderEndpoints)).LogInformation(
            "Single sign-on of company {CompanyId} set (enabled {Enabled}, mandatory {Mandatory})", companyId, provider.Enabled, provider.Mandatory);
        return TypedResults.Ok(ToResponse(provider));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var deleted = await db.CompanySsoProviders.Where(p => p.CompanyId == companyId).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? SsoErrors.NotConfigured.ToProblem() : TypedResults.NoContent();
    }

    /// <summary>Refuses anyone but an active admin of the company: 403 <c>forbidden</c> for a non-member, <c>admin-only-sso</c> for a member.</summary>
    private static async Task<ProblemHttpResult?> AdminRefusalAsync(ArkoaDbContext db, Guid companyId, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null) return Problems.Forbidden();
        return SsoProviderRules.CheckManager(caller)?.ToProblem();
    }

    private static SsoProviderResponse ToResponse(CompanySsoProvider? p) => p is null
        ? new(false, null, null, false, [], false, false, SsoProviderRules.RedirectPath, null)
        : new(true, p.IssuerUrl, p.ClientId, p.EncryptedClientSecret.Length > 0, p.AllowedDomains, p.Mandatory, p.Enabled,
            SsoProviderRules.RedirectPath, p.UpdatedAt);
}
