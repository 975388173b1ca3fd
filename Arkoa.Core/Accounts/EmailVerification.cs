using Arkoa.Core.Limits;

namespace Arkoa.Core.Accounts;

/// <summary>The link that proves an account's address (sent at sign-up, and again on request).</summary>
public static class EmailVerification
{
    public static readonly TimeSpan LinkLifetime = TimeSpan.FromHours(24);

    /// <summary>The sign-up's link and three more on request in any hour, so nobody can flood a mailbox through it.</summary>
    public static readonly SlidingLimit Links = new(1 + 3, TimeSpan.FromHours(1));
}
