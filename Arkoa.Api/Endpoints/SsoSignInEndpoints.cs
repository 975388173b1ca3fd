using System.Security.Cryptography;
using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Api.Sso;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Sso;
using Arkoa.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/sso (issue 18): signing in with a company's OpenID Connect provider, for the Web (anyone may call them). The Web
/// finds the company (<c>discover</c> by e-mail domain, or by id), sends the person to the provider's authorization
/// endpoint (code flow with PKCE and a nonce) and hands what comes back to <c>sessions</c>: the Api redeems the code
/// with the client secret, validates the ID token, links or creates the account (<see cref="SsoIdentityRules"/>) and
/// opens a session as a password sign-in does. docs/integrations.md#single-sign-on, docs/security.md#single-sign-on.
/// </summary>
public static partial class SsoSignInEndpoints
{
    /// <summary>What the Web asks the provider for: an ID token with the person's e-mail and name.</summary>
    public const string Scope = "openid email profile";

    public static RouteGroupBuilder MapSsoSignInEndpoints(this RouteGroupBuilder api)
    {
        var sso = api.MapGroup("/sso").WithTags("Single sign-on").AllowAnonymous();
        sso.MapGet("/discover", Discover).WithName("DiscoverSso")
            .WithSummary("The companies whose single sign-on takes an e-mail domain (the part after the \"@\": the address itself is not sent), so it tells nothing about accounts (anyone).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        sso.MapGet("/companies/{companyId:guid}/authorization", Authorization).WithName("GetSsoAuthorization")
            .WithSummary("Where to send a person to sign in with the company's provider: its authorization endpoint, client id and scope (anyone).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        sso.MapPost("/sessions", OpenSession).WithName("OpenSsoSession")
            .WithSummary("Opens a session from the provider's authorization code: redeemed and its ID token checked by the Api, the account linked or created (anyone; the Web).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status502BadGateway);
        return api;
    }

    private static async Task<Results<Ok<SsoDiscoveryResponse>, ValidationProblem, ProblemHttpResult>> Discover(
        string? domain, ArkoaDbContext db, AuthAttemptLimiter limiter, HttpContext context, CancellationToken cancellationToken)
    {
        if (await limiter.CountClientAsync(context) is { } wait)
        {
            return Problems.TooManyRequests(context, wait, ProblemCodes.TooManyAttempts, "Too many attempts. Try again in a minute.");
        }
        if (SsoEmailDomains.Normalize(domain) is not { } normalized)
        {
            return Problems.Field("domain", ProblemCodes.InvalidEmailDomain, "Give an e-mail domain (such as exemple.fr).");
        }
        var companies = await db.CompanySsoProviders.AsNoTracking()
            .Where(p => p.Enabled && p.AllowedDomains.Contains(normalized))
            .Join(db.Companies, p => p.CompanyId, c => c.Id, (p, c) => c)
            .OrderBy(c => c.Name).Take(10).Select(c => new SsoCompany(c.Id, c.Name)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new SsoDiscoveryResponse(companies));
    }

    private static async Task<Results<Ok<SsoAuthorizationResponse>, ProblemHttpResult>> Authorization(
        Guid companyId, ArkoaDbContext db, SsoProviderClient providers, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var found = await LoadAsync(db, companyId, cancellationToken);
        if (found is not var (provider, companyName)) return SsoErrors.NotConfigured.ToProblem();
        try
        {
            var configuration = await providers.ConfigurationAsync(provider.IssuerUrl, cancellationToken);
            if (string.IsNullOrEmpty(configuration.AuthorizationEndpoint)) throw new SsoProviderException("the provider has no authorization endpoint");
            return TypedResults.Ok(new SsoAuthorizationResponse(companyId, companyName, configuration.AuthorizationEndpoint, provider.ClientId, Scope));
        }
        catch (Exception e) when (e is SsoProviderException or InvalidOperationException or HttpRequestException or IOException)
        {
            LogProviderFailed(loggers.CreateLogger(typeof(SsoSignInEndpoints)), companyId, e.GetType().Name, e.Message);
            return ProviderUnavailable();
        }
    }

    private static async Task<Results<Ok<AuthResponse>, ValidationProblem, ProblemHttpResult>> OpenSession(
        SsoSessionRequest request, ArkoaDbContext db, SsoProviderClient providers, WebhookSecretProtector protector,
        SsoAccountLinker linker, SessionIssuer sessions, SessionRevocations revocations, AuthAttemptLimiter limiter,
        TimeProvider clock, ILoggerFactory loggers, HttpContext context, CancellationToken cancellationToken)
    {
        if (await limiter.CountClientAsync(context) is { } wait)
        {
            return Problems.TooManyRequests(context, wait, ProblemCodes.TooManyAttempts, "Too many attempts. Try again in a minute.");
        }
        var logger = loggers.CreateLogger(typeof(SsoSignInEndpoints));
        var companyId = request.CompanyId!.Value;
        var found = await LoadAsync(db, companyId, cancellationToken);
        if (found is not var (provider, _)) return SsoErrors.NotConfigured.ToProblem();

        SsoIdentityRules.Claims claims;
        try
        {
            var configuration = await providers.ConfigurationAsync(provider.IssuerUrl, cancellationToken);
            var secret = protector.Unprotect(provider.EncryptedClientSecret, provider.Id);
            var idToken = await providers.RedeemAsync(configuration, provider.ClientId, secret, request.Code!, request.CodeVerifier!, request.RedirectUri!, cancellationToken);
            try
            {
                claims = await SsoIdTokenValidator.ValidateAsync(idToken, configuration, provider.IssuerUrl, provider.ClientId, request.Nonce!, clock);
            }
            catch (SsoProviderException)
            {
                // A key rotated at the provider: the next attempt fetches the keys again.
                providers.RequestRefresh(provider.IssuerUrl);
                throw;
            }
        }
        catch (Exception e) when (e is SsoProviderException or InvalidOperationException or HttpRequestException or IOException
            or CryptographicException or System.Text.Json.JsonException or TaskCanceledException)
        {
            // The reason is logged (never the code, token or secret); the answer says only that it failed.
            LogSignInFailed(logger, companyId, e.GetType().Name, e.Message);
            return Problems.Unauthorized(ProblemCodes.SsoSignInFailed, "Signing in with the company's single sign-on did not succeed.");
        }
        if (SsoIdentityRules.Check(claims, provider.AllowedDomains) is { } refused)
        {
            LogSignInRefused(logger, companyId, refused.Code);
            return refused.ToProblem();
        }

        (SsoAccountLinker.Linked? Linked, DomainError? Conflict, string? Token) outcome;
        try
        {
            // The link, a taken-over account's sign-out and the new session commit together or not at all.
            outcome = await db.InTransactionAsync<(SsoAccountLinker.Linked?, DomainError?, string?)>(async ct =>
            {
                var (linked, conflict) = await linker.LinkAsync(companyId, provider.IssuerUrl, claims, ct);
                if (conflict is not null) return (null, conflict, null);
                var session = sessions.Open(linked!.User, context);
                await db.SaveChangesAsync(ct);
                return (linked, null, session);
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // The same person's other sign-in, or another subject, linked or took the address at the same moment.
            return SsoErrors.IdentityConflict.ToProblem();
        }
        if (outcome.Conflict is { } refusedLink)
        {
            LogSignInRefused(logger, companyId, refusedLink.Code);
            return refusedLink.ToProblem();
        }
        var (user, newLink, signedOutElsewhere) = outcome.Linked!;
        if (signedOutElsewhere) await revocations.RevokeAsync(user.Id);
        LogSignedIn(logger, companyId, user.Id, newLink);
        return TypedResults.Ok(new AuthResponse(AuthEndpoints.ToResponse(user), outcome.Token!));
    }

    /// <summary>The enabled provider of the company with the company's name, or null.</summary>
    private static async Task<(CompanySsoProvider Provider, string CompanyName)?> LoadAsync(
        ArkoaDbContext db, Guid companyId, CancellationToken cancellationToken)
    {
        var row = await db.CompanySsoProviders.AsNoTracking().Where(p => p.CompanyId == companyId && p.Enabled)
            .Join(db.Companies, p => p.CompanyId, c => c.Id, (p, c) => new { Provider = p, c.Name })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : (row.Provider, row.Name);
    }

    private static ProblemHttpResult ProviderUnavailable() => Problems.Problem(StatusCodes.Status502BadGateway, "Bad gateway",
        ProblemCodes.SsoProviderUnavailable, SsoErrors.ProviderUnavailable.Message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on provider of company {CompanyId} unusable: {ErrorType}: {Reason}")]
    private static partial void LogProviderFailed(ILogger logger, Guid companyId, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Single sign-on with company {CompanyId} failed: {ErrorType}: {Reason}")]
    private static partial void LogSignInFailed(ILogger logger, Guid companyId, string errorType, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Single sign-on with company {CompanyId} refused: {Code}")]
    private static partial void LogSignInRefused(ILogger logger, Guid companyId, string code);

    [LoggerMessage(Level = LogLevel.Information, Message = "Single sign-on with company {CompanyId} opened a session for user {UserId} (new link {NewLink})")]
    private static partial void LogSignedIn(ILogger logger, Guid companyId, Guid userId, bool newLink);
}
