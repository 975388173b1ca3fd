using System.Net.Http.Headers;
using Arkoa.Web.Auth;

namespace Arkoa.Web.Api;

/// <summary>
/// Sends every Api call made while serving a signed-in person's request with their Api session (the token their Web
/// cookie carries), so no page or endpoint passes it around. Calls that must not carry it (signing in or up, the
/// mailed links whose own token is their credential, the public calendar feed) are marked <see cref="WithoutSession"/>.
/// </summary>
internal sealed class SessionTokenHandler(IHttpContextAccessor httpContextAccessor) : DelegatingHandler
{
    private static readonly HttpRequestOptionsKey<bool> WithoutSessionKey = new("Arkoa.WithoutSession");

    /// <summary>Marks <paramref name="request"/> to go without the signed-in person's session.</summary>
    public static void WithoutSession(HttpRequestMessage request) => request.Options.Set(WithoutSessionKey, true);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        // Read per call, never kept: one pooled handler serves every visitor's requests.
        var withoutSession = request.Options.TryGetValue(WithoutSessionKey, out var marked) && marked;
        if (!withoutSession && httpContextAccessor.HttpContext?.User is { } user && ArkoaClaims.TokenOf(user) is { } token)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        return base.SendAsync(request, cancellationToken);
    }
}
