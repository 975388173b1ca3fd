using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Identity;

namespace Arkoa.Api.Auth;

/// <summary>The outcome of checking a password: <see cref="RetryAfter"/> is set when the attempt came too soon.</summary>
public readonly record struct PasswordCheck(bool Succeeded, TimeSpan? RetryAfter)
{
    public bool MustWait => RetryAfter is not null;
}

/// <summary>
/// Checks passwords under the <see cref="SignInDelay"/> of the account's e-mail and the request's client, and
/// upgrades a hash made with an older work factor (<see cref="Arkoa.Core.Security.PasswordHashing"/>) on success.
/// </summary>
public sealed class PasswordVerifier(IPasswordHasher<User> hasher, SignInDelay delay, IHttpContextAccessor httpContextAccessor)
{
    /// <summary>The signed-in user's password (change password, erasure). On success an outdated hash is replaced; the caller saves.</summary>
    public Task<PasswordCheck> CheckAsync(User user, string password, CancellationToken cancellationToken) =>
        CheckAsync(user.Email, user, password, cancellationToken);

    /// <summary>
    /// A sign-in: <paramref name="user"/> is null when no account has <paramref name="normalizedEmail"/>, which is
    /// then answered exactly like a wrong password, after as much hashing work.
    /// </summary>
    public async Task<PasswordCheck> CheckAsync(string normalizedEmail, User? user, string password, CancellationToken cancellationToken)
    {
        var context = httpContextAccessor.HttpContext ?? throw new InvalidOperationException("Passwords are checked within a request.");
        // A delayed attempt is not checked at all, so its answer says nothing about the password.
        if (await delay.ClaimAsync(normalizedEmail, context) is { } wait) return new PasswordCheck(false, wait);

        var verification = PasswordVerificationResult.Failed;
        if (user is null) hasher.HashPassword(new User { Name = "", Email = normalizedEmail, PasswordHash = "" }, password);
        else verification = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (verification == PasswordVerificationResult.Failed || user is null)
        {
            await delay.FailedAsync(normalizedEmail, context);
            return new PasswordCheck(false, null);
        }

        await delay.ClearAsync(normalizedEmail, context);
        if (verification == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, password);
        return new PasswordCheck(true, null);
    }
}
