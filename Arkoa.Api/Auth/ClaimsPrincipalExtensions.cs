using System.Security.Claims;

namespace Arkoa.Api.Auth;

public static class ClaimsPrincipalExtensions
{
    /// <summary>The signed-in user's id; endpoints only run for authenticated users, so it is always there.</summary>
    public static Guid UserId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("Not authenticated."));

    public static Guid SessionId(this ClaimsPrincipal user) =>
        Guid.Parse(user.FindFirstValue(SessionAuthenticationHandler.SessionIdClaim) ?? throw new InvalidOperationException("Not authenticated."));
}
