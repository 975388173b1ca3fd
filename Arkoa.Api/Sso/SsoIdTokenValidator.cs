using System.Text.Json;
using Arkoa.Core.Sso;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace Arkoa.Api.Sso;

/// <summary>
/// Validates an ID token (OpenID Connect Core §3.1.3.7), even though it came straight from the token endpoint over TLS:
/// signed by one of the issuer's published keys (never "none" nor a symmetric key), issued by the company's issuer, for
/// the company's client id, within its lifetime (2 minutes of clock skew), carrying the nonce the Web put in the
/// authorization request. Returns the claims that decide whom it signs in.
/// </summary>
public static class SsoIdTokenValidator
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public static async Task<SsoIdentityRules.Claims> ValidateAsync(
        string idToken, OpenIdConnectConfiguration configuration, string issuer, string clientId, string nonce, TimeProvider clock)
    {
        var normalized = SsoProviderRules.NormalizeIssuer(issuer);
        var parameters = new TokenValidationParameters
        {
            ValidIssuers = [normalized, normalized + "/"],
            ValidAudience = clientId,
            IssuerSigningKeys = configuration.SigningKeys,
            ValidateIssuerSigningKey = true,
            RequireSignedTokens = true,
            RequireExpirationTime = true,
            ClockSkew = TimeSpan.FromMinutes(2),
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384, SecurityAlgorithms.EcdsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.RsaSsaPssSha384, SecurityAlgorithms.RsaSsaPssSha512],
            LifetimeValidator = (notBefore, expires, _, p) =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                return expires is { } end && now <= end + p.ClockSkew && (notBefore is not { } start || now >= start - p.ClockSkew);
            },
        };
        var result = await Handler.ValidateTokenAsync(idToken, parameters);
        if (!result.IsValid) throw new SsoProviderException($"the ID token is refused ({result.Exception?.GetType().Name})", result.Exception);
        var token = (JsonWebToken)result.SecurityToken;
        if (!token.TryGetPayloadValue<string>("nonce", out var tokenNonce) || !string.Equals(tokenNonce, nonce, StringComparison.Ordinal))
        {
            throw new SsoProviderException("the ID token's nonce is not the one of this sign-in");
        }
        return new SsoIdentityRules.Claims(
            token.Subject, Text(token, "email"), Verified(token), Text(token, "name"));
    }

    private static string? Text(JsonWebToken token, string claim) =>
        token.TryGetPayloadValue<string>(claim, out var value) ? value : null;

    /// <summary>True only for the JSON true (some providers send the string "true", which is accepted too); anything else is not verified.</summary>
    private static bool? Verified(JsonWebToken token)
    {
        if (token.TryGetPayloadValue<bool>("email_verified", out var flag)) return flag;
        return token.TryGetPayloadValue<string>("email_verified", out var text) ? string.Equals(text, "true", StringComparison.Ordinal) : null;
    }
}
