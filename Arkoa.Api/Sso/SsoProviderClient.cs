using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Arkoa.Core.Sso;
using Arkoa.Core.Webhooks;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Arkoa.Api.Sso;

/// <summary>
/// Talks to companies' identity providers: their discovery documents and signing keys (one cached
/// <see cref="ConfigurationManager{T}"/> per issuer, refreshed as the library does: daily, and at most every 5 minutes
/// on demand when a token names an unknown key) and their token endpoints, where the Api itself redeems an
/// authorization code with the client secret, which therefore never leaves the Api. Every address an issuer leads to is
/// admin-given: one HttpClient with no redirect, no proxy, no cookie, a short timeout, and each connection checked where
/// it really goes (<see cref="CheckedConnection"/>, the webhooks' rules against server-side request forgery).
/// </summary>
public sealed class SsoProviderClient : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private const int MaxAnswerBytes = 256 * 1024;
    private readonly HttpClient _http;
    private readonly bool _allowPrivate;
    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _configurations = new(StringComparer.Ordinal);

    public SsoProviderClient(IOptions<WebhookSettings> settings)
    {
        _allowPrivate = settings.Value.AllowPrivateTargets;
        // A provider's documents and token answers are a few KiB: a hostile issuer cannot make the Api buffer more.
        _http = new HttpClient(CheckedConnection.Handler(_allowPrivate))
        { Timeout = Timeout, MaxResponseContentBufferSize = MaxAnswerBytes };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Arkoa-SSO/1");
    }

    /// <summary>
    /// The issuer's discovery document and keys. OpenID Connect Discovery §4.3: the document must state the very issuer
    /// it was fetched for, or a provider could speak for another.
    /// </summary>
    public async Task<OpenIdConnectConfiguration> ConfigurationAsync(string issuer, CancellationToken cancellationToken)
    {
        var normalized = SsoProviderRules.NormalizeIssuer(issuer);
        var manager = _configurations.GetOrAdd(normalized, key => new ConfigurationManager<OpenIdConnectConfiguration>(
            SsoProviderRules.DiscoveryAddress(key), new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(_http) { RequireHttps = !_allowPrivate }));
        var configuration = await manager.GetConfigurationAsync(cancellationToken);
        if (SsoProviderRules.NormalizeIssuer(configuration.Issuer ?? "") != normalized)
        {
            throw new SsoProviderException("the discovery document states another issuer");
        }
        return configuration;
    }

    /// <summary>Asks for fresh keys at the next use (a token signed with a key the cache does not know yet).</summary>
    public void RequestRefresh(string issuer)
    {
        if (_configurations.TryGetValue(SsoProviderRules.NormalizeIssuer(issuer), out var manager)) manager.RequestRefresh();
    }

    /// <summary>
    /// Redeems an authorization code (with its PKCE verifier) at the token endpoint and returns the ID token. The client
    /// authenticates with HTTP Basic unless the provider says it only takes the secret in the form (RFC 6749 §2.3.1).
    /// </summary>
    public async Task<string> RedeemAsync(OpenIdConnectConfiguration configuration, string clientId, string clientSecret,
        string code, string codeVerifier, string redirectUri, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(configuration.TokenEndpoint)) throw new SsoProviderException("the provider has no token endpoint");
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "authorization_code",
            ["code"] = code,
            ["redirect_uri"] = redirectUri,
            ["code_verifier"] = codeVerifier,
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, configuration.TokenEndpoint);
        var methods = configuration.TokenEndpointAuthMethodsSupported;
        if (methods.Count > 0 && !methods.Contains("client_secret_basic") && methods.Contains("client_secret_post"))
        {
            form["client_id"] = clientId;
            form["client_secret"] = clientSecret;
        }
        else
        {
            var credentials = $"{Uri.EscapeDataString(clientId)}:{Uri.EscapeDataString(clientSecret)}";
            request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(credentials)));
        }
        request.Content = new FormUrlEncodedContent(form);
        using var response = await _http.SendAsync(request, cancellationToken);
        // The answer's body may hold tokens or the provider's words about the code: neither is logged nor passed on.
        if (!response.IsSuccessStatusCode) throw new SsoProviderException($"the token endpoint answered HTTP {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var json = await JsonDocument.ParseAsync(body, cancellationToken: cancellationToken);
        return json.RootElement.TryGetProperty("id_token", out var idToken) && idToken.ValueKind == JsonValueKind.String
            ? idToken.GetString()!
            : throw new SsoProviderException("the token endpoint gave no ID token");
    }

    public void Dispose() => _http.Dispose();
}

/// <summary>A provider that could not be used or whose answer is refused; the message is for the log and names no secret.</summary>
public sealed class SsoProviderException(string message, Exception? inner = null) : Exception(message, inner);
