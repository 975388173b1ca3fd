using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace Arkoa.Web.Api;

/// <summary>
/// The resilience settings of <see cref="ArkoaApiClient"/>: the service defaults' standard handler, but
/// safe for an Api whose writes are not idempotent and whose sign-in is rate limited.
/// </summary>
internal static class ApiResilience
{
    public static void Configure(HttpStandardResilienceOptions options)
    {
        // A 429 is the Api's answer for the user ("too many attempts"), not a fault: retrying it would
        // wait out Retry-After and hit the total timeout, and counting it would let one person's
        // failed sign-ins open the circuit for every user.
        options.Retry.ShouldHandle = args => ValueTask.FromResult(IsFault(args.Outcome));
        options.CircuitBreaker.ShouldHandle = args => ValueTask.FromResult(IsFault(args.Outcome));

        // A POST that timed out may still have run: retrying sign-up or create-company would turn
        // success into a confusing 409. Only reads are retried.
        options.Retry.DisableForUnsafeHttpMethods();

        // Sign-in and sign-up hash a password at OWASP's work factor, and sign-up rates it with zxcvbn: a second or
        // more of CPU each, several on a busy machine, where 10 s per attempt turned them into "unavailable".
        options.AttemptTimeout.Timeout = TimeSpan.FromSeconds(30);
        options.TotalRequestTimeout.Timeout = TimeSpan.FromSeconds(90);
        options.CircuitBreaker.SamplingDuration = TimeSpan.FromSeconds(60); // at least twice an attempt's timeout
    }

    private static bool IsFault(Outcome<HttpResponseMessage> outcome) =>
        outcome.Result?.StatusCode != HttpStatusCode.TooManyRequests
        && HttpClientResiliencePredicates.IsTransient(outcome);
}
