using System.ComponentModel.DataAnnotations;

namespace Arkoa.Api.Auth;

/// <summary>The "RateLimits" configuration section (SPEC §9).</summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests per second one signed-in user may make, per Api replica.</summary>
    [Range(1, 1_000_000)]
    public int PerUserPerSecond { get; set; } = 100;

    /// <summary>Requests per second one anonymous client (IP address) may make, per Api replica.</summary>
    [Range(1, 1_000_000)]
    public int PerAnonymousClientPerSecond { get; set; } = 100;

    /// <summary>API requests one Api replica runs at once; more wait in line (<see cref="Http.InFlightLimit"/>).</summary>
    [Range(1, 100_000)]
    public int MaxConcurrentRequests { get; set; } = 32;

    /// <summary>API requests that may wait in line per replica before new ones are turned away with 503.</summary>
    [Range(0, 1_000_000)]
    public int MaxQueuedRequests { get; set; } = 10_000;

    /// <summary>Sign-up and forgot-password attempts per minute for one (IP address, e-mail), across all replicas.</summary>
    [Range(1, 1_000)]
    public int AuthAttemptsPerMinute { get; set; } = 5;

    /// <summary>The wait after a first wrong password for one (e-mail, client); it doubles with each failure (<see cref="SignInDelay"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan SignInFirstDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two attempts of one (e-mail, client).</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan SignInMaxDelay { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>Sign-in, sign-up and forgot-password attempts per minute for one IP address, whatever the e-mails, across all replicas.</summary>
    [Range(1, 1_000_000)]
    public int AuthAttemptsPerClientPerMinute { get; set; } = 30;
}
