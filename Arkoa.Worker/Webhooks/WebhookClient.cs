using System.Diagnostics;
using System.Net;
using System.Text;
using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using Microsoft.Extensions.Options;

namespace Arkoa.Worker.Webhooks;

/// <summary>What one POST to a receiver gave.</summary>
public sealed record WebhookPostResult(int? StatusCode, int DurationMs, string? Error, string? ResponseExcerpt)
{
    public bool Delivered => StatusCode is >= 200 and < 300;
}

/// <summary>
/// Posts signed deliveries. Its own HttpClient, not the factory's (whose standard resilience handler would retry a POST
/// and follow its own timeouts): no redirect followed (a 3xx is a failure: a redirect could lead anywhere, past the
/// checks), no proxy, no cookies, a short timeout, and every connection checked where it really goes
/// (<see cref="CheckedConnection"/>: against DNS rebinding).
/// </summary>
public sealed class WebhookClient : IDisposable
{
    public const string UserAgent = "Arkoa-Webhooks/1 (+https://arkoa.dev/docs/webhooks)";
    private const int ExcerptBytes = 1024;

    private readonly HttpClient _http;
    private readonly IOptions<WebhookOptions> _options;
    private readonly bool _allowPrivate;
    private readonly TimeProvider _clock;

    public WebhookClient(IOptions<WebhookOptions> options, IOptions<WebhookSettings> settings, TimeProvider clock)
        : this(options, settings, clock, Dns.GetHostAddressesAsync)
    {
    }

    /// <summary>
    /// With another resolver than the system's (<see cref="Dns"/>): what a DNS server answers is outside Arkoa, so a test
    /// plays the rebinding attacker's server with it, there being no name that resolves to loopback on every machine.
    /// </summary>
    public WebhookClient(IOptions<WebhookOptions> options, IOptions<WebhookSettings> settings, TimeProvider clock, CheckedConnection.HostResolver resolve)
    {
        _options = options;
        _allowPrivate = settings.Value.AllowPrivateTargets;
        _clock = clock;
        _http = new HttpClient(CheckedConnection.Handler(_allowPrivate, resolve))
        {
            Timeout = System.Threading.Timeout.InfiniteTimeSpan, // each post has its own (options may change)
        };
    }

    /// <summary>Posts the delivery's envelope, signed with the endpoint's secret.</summary>
    public Task<WebhookPostResult> PostAsync(string url, WebhookDelivery delivery, string secret) =>
        SendAsync(url, delivery, delivery.Body, secret);

    /// <summary>
    /// Posts a chat message (<see cref="ChatMessage"/>) in place of the envelope, unsigned: Slack and Teams do not check
    /// signatures, the incoming-webhook URL is the credential. The same target checks apply at connection.
    /// </summary>
    public Task<WebhookPostResult> PostChatAsync(string url, WebhookDelivery delivery, string message) =>
        SendAsync(url, delivery, message, secret: null);

    private async Task<WebhookPostResult> SendAsync(string url, WebhookDelivery delivery, string body, string? secret)
    {
        var watch = Stopwatch.StartNew();
        if (WebhookTargetRules.CheckUrl(url, _allowPrivate) is { } refusal) return Refused(refusal, watch);

        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("User-Agent", UserAgent);
        if (secret is not null)
        {
            request.Headers.Add(WebhookSignature.HeaderName, WebhookSignature.Header(secret, _clock.GetUtcNow().ToUnixTimeSeconds(), body));
        }
        request.Headers.Add("Arkoa-Event-Id", delivery.EventId.ToString());
        request.Headers.Add("Arkoa-Event-Type", delivery.EventType);
        request.Headers.Add("Arkoa-Delivery-Id", delivery.Id.ToString());

        using var timeout = new CancellationTokenSource(_options.Value.Timeout);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var excerpt = await ExcerptAsync(response, timeout.Token);
            var status = (int)response.StatusCode;
            var error = status is >= 200 and < 300 ? null
                : status is >= 300 and < 400 ? $"HTTP {status}: redirects are not followed"
                : $"HTTP {status}";
            return new WebhookPostResult(status, Elapsed(watch), error, excerpt);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new WebhookPostResult(null, Elapsed(watch), $"No answer within {_options.Value.Timeout.TotalSeconds:0.#} s", null);
        }
        catch (HttpRequestException e) when (e.InnerException is TargetRefusedException refused)
        {
            return Refused(refused.Refusal, watch);
        }
        catch (HttpRequestException e)
        {
            return new WebhookPostResult(null, Elapsed(watch), e.Message, null);
        }
    }

    /// <summary>The start of the answer, as text, cut short: enough to see what the receiver said, nothing more kept.</summary>
    private static async Task<string?> ExcerptAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = new byte[ExcerptBytes];
        var read = 0;
        int n;
        while (read < buffer.Length && (n = await stream.ReadAsync(buffer.AsMemory(read), cancellationToken)) > 0) read += n;
        if (read == 0) return null;
        var text = new string(Encoding.UTF8.GetString(buffer, 0, read).Select(c => char.IsControl(c) ? ' ' : c).ToArray()).Trim();
        return text.Length <= WebhookDeliveryAttempt.ResponseExcerptMaxLength ? text : text[..(WebhookDeliveryAttempt.ResponseExcerptMaxLength - 1)] + "…";
    }

    private static WebhookPostResult Refused(WebhookTargetRefusal refusal, Stopwatch watch) =>
        new(null, Elapsed(watch), $"Target refused ({WebhookTargetRules.ReasonCode(refusal)}): {WebhookTargetRules.Explain(refusal)}", null);

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    public void Dispose() => _http.Dispose();
}
