using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Arkoa.Tests.Integration;

/// <summary>
/// A real OpenID Connect provider on a loopback Kestrel port of the test process: discovery document, published keys
/// (RS256), an authorization endpoint with its own tiny login form (code flow; PKCE S256 required; response_mode
/// query or form_post), and a token endpoint that authenticates the client (Basic or form) and checks the code, its
/// redirect URI and its verifier before answering the ID token. Written here rather than on OpenIddict because a test
/// needs it to misbehave on demand — sign with a key it does not publish, for another audience, already expired, with
/// another nonce or issuer — which a conforming server rightly refuses to do. A person signs in by typing their login
/// e-mail; <see cref="TestPerson"/> says what their ID token states.
/// </summary>
public sealed class OidcTestProvider : IAsyncLifetime
{
    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "published" };
    private readonly RsaSecurityKey _otherKey = new(RSA.Create(2048)) { KeyId = "published" }; // same kid, not published
    private readonly ConcurrentDictionary<string, (string Secret, string RedirectUri)> _clients = new();
    private readonly ConcurrentDictionary<string, TestPerson> _people = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, IssuedCode> _codes = new();
    private WebApplication _app = null!;

    public string Issuer { get; private set; } = null!;

    /// <summary>Every request the provider received, path and query, for tests that look at what crossed the wire.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

    /// <summary>Every code and ID token it gave out, for tests that none of them reached a log.</summary>
    public ConcurrentQueue<string> Secrets { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.Use(async (context, next) =>
        {
            Requests.Enqueue(context.Request.Path + context.Request.QueryString);
            await next();
        });
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = Issuer + "/authorize",
            ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks",
            ["response_types_supported"] = new[] { "code" },
            ["response_modes_supported"] = new[] { "query", "form_post" },
            ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
            ["code_challenge_methods_supported"] = new[] { "S256" },
            ["token_endpoint_auth_methods_supported"] = new[] { "client_secret_basic", "client_secret_post" },
            ["scopes_supported"] = new[] { "openid", "email", "profile" },
        }));
        _app.MapGet("/jwks", () =>
        {
            var jwk = JsonWebKeyConverter.ConvertFromRSASecurityKey(new RsaSecurityKey(_key.Rsa.ExportParameters(false)) { KeyId = _key.KeyId });
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = jwk.Kid, n = jwk.N, e = jwk.E } } });
        });
        _app.MapGet("/authorize", (HttpRequest request) => LoginForm(request.Query.ToDictionary(q => q.Key, q => q.Value.ToString()), null));
        _app.MapPost("/authorize", Authorize).DisableAntiforgery();
        _app.MapPost("/token", Token).DisableAntiforgery();
        await _app.StartAsync();
        // Named "localhost", not 127.0.0.1: the same site as the Web under test (http://localhost:…), as a company's
        // provider and Arkoa are each on https in production, where the handler's SameSite=None cookies do the same.
        Issuer = $"http://localhost:{new Uri(_app.Urls.Single()).Port}";
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    /// <summary>Registers a client (an Arkoa company's settings) with its secret and the one redirect URI it may use.</summary>
    public void AddClient(string clientId, string secret, string redirectUri) => _clients[clientId] = (secret, redirectUri);

    /// <summary>A person who can sign in at this provider with <paramref name="person"/>'s login.</summary>
    public TestPerson AddPerson(TestPerson person) => _people[person.Login] = person;

    /// <summary>
    /// What a browser does, without one: asks for the authorization with PKCE and a nonce, signs in as
    /// <paramref name="login"/> on the provider's form, and reads the code from the redirect. Returns the code and the
    /// verifier and nonce the Web would keep.
    /// </summary>
    public async Task<(string Code, string Verifier, string Nonce)> AuthorizeAsync(string clientId, string redirectUri, string login)
    {
        var verifier = Base64Url(RandomNumberGenerator.GetBytes(32));
        var nonce = Base64Url(RandomNumberGenerator.GetBytes(16));
        var fields = new Dictionary<string, string>
        {
            ["client_id"] = clientId, ["redirect_uri"] = redirectUri, ["response_type"] = "code", ["scope"] = "openid email profile",
            ["state"] = "s", ["nonce"] = nonce, ["code_challenge"] = Challenge(verifier), ["code_challenge_method"] = "S256", ["login"] = login,
        };
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await http.PostAsync(Issuer + "/authorize", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(answer.Headers.Location!.Query);
        return (query["code"]!, verifier, nonce);
    }

    public static string Challenge(string verifier) => Base64Url(SHA256.HashData(Encoding.ASCII.GetBytes(verifier)));

    private IResult Authorize(HttpRequest request)
    {
        var form = request.Form.ToDictionary(f => f.Key, f => f.Value.ToString());
        string Field(string name) => form.GetValueOrDefault(name) ?? "";
        if (!_clients.TryGetValue(Field("client_id"), out var client) || client.RedirectUri != Field("redirect_uri"))
        {
            return Results.BadRequest("unknown client or redirect_uri");
        }
        if (Field("response_type") != "code" || Field("code_challenge_method") != "S256" || Field("code_challenge").Length == 0)
        {
            return Results.BadRequest("code flow with PKCE S256 only");
        }
        if (!_people.TryGetValue(Field("login"), out var person)) return LoginForm(form, "Unknown login.");

        var code = Base64Url(RandomNumberGenerator.GetBytes(32));
        Secrets.Enqueue(code);
        _codes[code] = new IssuedCode(Field("client_id"), Field("redirect_uri"), Field("code_challenge"), Field("nonce"), person);
        var redirect = Field("redirect_uri");
        if (Field("response_mode") == "form_post")
        {
            // Without script the person presses the button; with it the form posts itself.
            return Results.Content($"""
                <!doctype html><html><body onload="document.forms[0].submit()"><form method="post" action="{WebUtility.HtmlEncode(redirect)}">
                <input type="hidden" name="code" value="{code}"><input type="hidden" name="state" value="{WebUtility.HtmlEncode(Field("state"))}">
                <button type="submit">Continue</button></form></body></html>
                """, "text/html");
        }
        var separator = redirect.Contains('?') ? '&' : '?';
        return Results.Redirect($"{redirect}{separator}code={code}&state={Uri.EscapeDataString(Field("state"))}");
    }

    private IResult Token(HttpRequest request)
    {
        var form = request.Form.ToDictionary(f => f.Key, f => f.Value.ToString());
        var (clientId, secret) = (form.GetValueOrDefault("client_id"), form.GetValueOrDefault("client_secret"));
        var basic = request.Headers.Authorization.ToString();
        if (basic.StartsWith("Basic ", StringComparison.Ordinal))
        {
            var pair = Encoding.UTF8.GetString(Convert.FromBase64String(basic[6..])).Split(':', 2);
            (clientId, secret) = (Uri.UnescapeDataString(pair[0]), Uri.UnescapeDataString(pair[1]));
        }
        if (clientId is null || !_clients.TryGetValue(clientId, out var client) || client.Secret != secret)
        {
            return Results.Json(new { error = "invalid_client" }, statusCode: 401);
        }
        if (form.GetValueOrDefault("grant_type") != "authorization_code"
            || !_codes.TryRemove(form.GetValueOrDefault("code") ?? "", out var issued) // a code is used once
            || issued.ClientId != clientId || issued.RedirectUri != form.GetValueOrDefault("redirect_uri")
            || Challenge(form.GetValueOrDefault("code_verifier") ?? "") != issued.Challenge)
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
        }
        var idToken = IdToken(issued);
        Secrets.Enqueue(idToken);
        return Results.Json(new { access_token = "opaque-access-token", token_type = "Bearer", expires_in = 300, id_token = idToken });
    }

    private string IdToken(IssuedCode issued)
    {
        var person = issued.Person;
        var now = DateTime.UtcNow;
        var expires = person.Flaw == TokenFlaw.Expired ? now.AddMinutes(-10) : now.AddMinutes(5);
        var claims = new Dictionary<string, object>
        {
            ["sub"] = person.Subject,
            ["email"] = person.Email,
            ["email_verified"] = person.EmailVerified,
            ["name"] = person.Name,
            ["nonce"] = person.Flaw == TokenFlaw.OtherNonce ? "another-nonce" : issued.Nonce,
        };
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = person.Flaw == TokenFlaw.OtherIssuer ? "https://impostor.example" : Issuer,
            Audience = person.Flaw == TokenFlaw.OtherAudience ? "another-client" : issued.ClientId,
            IssuedAt = expires.AddMinutes(-15),
            NotBefore = expires.AddMinutes(-15),
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(person.Flaw == TokenFlaw.UnpublishedKey ? _otherKey : _key, SecurityAlgorithms.RsaSha256),
        };
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private static IResult LoginForm(IReadOnlyDictionary<string, string> fields, string? error)
    {
        var hidden = string.Concat(fields.Where(f => f.Key != "login").Select(f =>
            $"""<input type="hidden" name="{WebUtility.HtmlEncode(f.Key)}" value="{WebUtility.HtmlEncode(f.Value)}">"""));
        return Results.Content($"""
            <!doctype html><html lang="en"><head><meta name="viewport" content="width=device-width"><title>Test identity provider</title></head>
            <body><main><h1>Test identity provider</h1>{(error is null ? "" : $"<p role=\"alert\">{error}</p>")}
            <form method="post" action="/authorize">{hidden}<label for="login">Login</label> <input id="login" name="login" type="email" required>
            <button type="submit">Sign in at the provider</button></form></main></body></html>
            """, "text/html");
    }

    private static string Base64Url(byte[] bytes) => Base64UrlEncoder.Encode(bytes);

    private sealed record IssuedCode(string ClientId, string RedirectUri, string Challenge, string Nonce, TestPerson Person);
}

/// <summary>How a <see cref="TestPerson"/>'s ID token is wrong, for the tests that Arkoa refuses it.</summary>
public enum TokenFlaw { None, OtherAudience, Expired, UnpublishedKey, OtherNonce, OtherIssuer }

/// <summary>A person at the <see cref="OidcTestProvider"/>: they sign in with <see cref="Login"/>; their ID token states the rest.</summary>
public sealed record TestPerson(string Login, string Subject, string Email, bool EmailVerified = true, string Name = "Sso Person", TokenFlaw Flaw = TokenFlaw.None)
{
    public static TestPerson For(string email, bool emailVerified = true, TokenFlaw flaw = TokenFlaw.None) =>
        new($"login-{Guid.NewGuid():N}@idp.test", Guid.NewGuid().ToString("N"), email, emailVerified, "Sso Person", flaw);
}
