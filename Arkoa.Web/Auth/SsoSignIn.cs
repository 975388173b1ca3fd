using Arkoa.Web.Api;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Arkoa.Web.Auth;

/// <summary>
/// Signing in with a company's OpenID Connect provider (issue 18). One scheme, <see cref="Scheme"/>, serves every
/// company: <c>/account/sso/start?companyId=</c> asks the Api where the company's provider sends people (its
/// authorization endpoint and client id: the Web never fetches an admin-given address itself) and challenges with them
/// in the authentication properties; the handler adds PKCE (S256), a nonce and a state bound to its correlation cookie,
/// and the event puts the company's endpoint and client id on the request. At the callback the handler checks the state
/// and correlation; the Web then hands the code, the PKCE verifier, the nonce and the redirect URI to the Api, which
/// redeems the code with the client secret (never in the Web), validates the ID token and opens a session that the Web
/// keeps in its cookie exactly as after a password. No token is saved; a failure goes back to the sign-in page with its
/// problem code only.
/// </summary>
public static class SsoSignIn
{
    public const string Scheme = "sso";
    public const string StartPath = "/account/sso/start";
    public const string CallbackPath = "/account/sso/callback";

    /// <summary>The sign-in page's query parameter that names why a single sign-on failed (a problem code).</summary>
    public const string ProblemParameter = "sso-problem";

    private const string CompanyItem = "arkoa.sso.company";
    private const string EndpointItem = "arkoa.sso.endpoint";
    private const string ClientItem = "arkoa.sso.client";
    private const string ScopeItem = "arkoa.sso.scope";
    private const string NonceItem = "arkoa.sso.nonce";
    private const string ReturnItem = "arkoa.sso.return";

    public static AuthenticationBuilder AddSsoSignIn(this AuthenticationBuilder authentication, bool development) =>
        authentication.AddOpenIdConnect(Scheme, options =>
        {
            // Set per company on each challenge (below); these only satisfy the options' start-up checks.
            options.ClientId = "per-company";
            options.Configuration = new OpenIdConnectConfiguration();
            options.CallbackPath = CallbackPath;
            options.ResponseType = OpenIdConnectResponseType.Code;
            // Posted back: the code never sits in a URL, a browser history or a request log.
            options.ResponseMode = OpenIdConnectResponseMode.FormPost;
            options.UsePkce = true;
            options.SaveTokens = false;
            options.GetClaimsFromUserInfoEndpoint = false;
            options.MapInboundClaims = false;
            options.SignInScheme = Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationDefaults.AuthenticationScheme;
            if (development)
            {
                // Plain http in Development, where the test provider is on this machine (same site): a SameSite=None
                // cookie must be Secure, which http cannot carry. Elsewhere the handler's defaults stand (None, Secure).
                options.CorrelationCookie.SameSite = SameSiteMode.Lax;
                options.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.NonceCookie.SameSite = SameSiteMode.Lax;
                options.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            options.Events = new OpenIdConnectEvents
            {
                OnRedirectToIdentityProvider = context =>
                {
                    var items = context.Properties.Items;
                    context.ProtocolMessage.IssuerAddress = items[EndpointItem];
                    context.ProtocolMessage.ClientId = items[ClientItem];
                    context.ProtocolMessage.Scope = items[ScopeItem];
                    // The state carries the nonce back, protected and bound to the correlation cookie, for the Api to match.
                    items[NonceItem] = context.ProtocolMessage.Nonce;
                    items.Remove(EndpointItem);
                    items.Remove(ScopeItem);
                    return Task.CompletedTask;
                },
                OnAuthorizationCodeReceived = OpenSessionAsync,
                OnRemoteFailure = context =>
                {
                    // A refused consent, a stale or forged state: back to the sign-in page, nothing of the answer kept.
                    context.Response.Redirect($"/sign-in?{ProblemParameter}=sso-sign-in-failed");
                    context.HandleResponse();
                    return Task.CompletedTask;
                },
            };
        });

    /// <summary>GET /account/sso/start?companyId=&amp;ReturnUrl=: sends the person to the company's provider.</summary>
    public static IEndpointRouteBuilder MapSsoStartEndpoint(this IEndpointRouteBuilder app)
    {
        app.MapGet(StartPath, StartAsync);
        return app;
    }

    private static async Task<IResult> StartAsync(string? companyId, string? returnUrl, ArkoaApiClient api, HttpContext context)
    {
        if (!Guid.TryParse(companyId, out var id)) return Results.LocalRedirect($"/sign-in?{ProblemParameter}=sso-not-configured");
        var authorization = await api.GetSsoAuthorizationAsync(id.ToString(), context.RequestAborted);
        if (!authorization.Succeeded)
        {
            return Results.LocalRedirect($"/sign-in?{ProblemParameter}={Uri.EscapeDataString(authorization.Problem.Code ?? "sso-sign-in-failed")}");
        }
        var properties = new AuthenticationProperties();
        properties.Items[CompanyItem] = id.ToString();
        properties.Items[EndpointItem] = authorization.Value.AuthorizationEndpoint;
        properties.Items[ClientItem] = authorization.Value.ClientId;
        properties.Items[ScopeItem] = authorization.Value.Scope;
        properties.Items[ReturnItem] = SafeReturnUrl.OrHome(returnUrl);
        return Results.Challenge(properties, [Scheme]);
    }

    private static async Task OpenSessionAsync(AuthorizationCodeReceivedContext context)
    {
        context.HandleResponse();
        var items = context.Properties!.Items;
        var request = context.TokenEndpointRequest!;
        var api = context.HttpContext.RequestServices.GetRequiredService<ArkoaApiClient>();
        var opened = await api.OpenSsoSessionAsync(new SsoSessionRequest(
            items[CompanyItem]!, request.Code, request.Parameters.TryGetValue("code_verifier", out var verifier) ? verifier : "",
            request.RedirectUri, items[NonceItem]!), context.HttpContext.RequestAborted);
        if (!opened.Succeeded)
        {
            context.Response.Redirect($"/sign-in?{ProblemParameter}={Uri.EscapeDataString(opened.Problem.Code ?? "sso-sign-in-failed")}");
            return;
        }
        var returnUrl = SafeReturnUrl.OrHome(items[ReturnItem]);
        await WebSession.SignInAsync(context.HttpContext, opened.Value, returnUrl);
        context.Response.Redirect(SafeReturnUrl.AtNamedLeave(returnUrl));
    }
}
