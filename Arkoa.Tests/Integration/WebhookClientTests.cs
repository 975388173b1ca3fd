extern alias ArkoaWorker;

using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using ArkoaWorker::Arkoa.Worker.Webhooks;
using Microsoft.Extensions.Options;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Worker's webhook client against a real receiver on loopback, without the AppHost: a private target is refused at
/// delivery time unless Development allows it (an endpoint registered under other rules is checked again), a redirect
/// is a failure and is not followed, a slow receiver times out, and only the start of an answer is kept.
/// </summary>
public sealed class WebhookClientTests
{
    private static WebhookClient Client(bool allowPrivate, TimeSpan? timeout = null) => new(
        Options.Create(new WebhookOptions { Timeout = timeout ?? TimeSpan.FromSeconds(10) }),
        Options.Create(new WebhookSettings { AllowPrivateTargets = allowPrivate }), TimeProvider.System);

    private static WebhookDelivery Ping() => new()
    {
        EventId = Guid.NewGuid(), EventType = WebhookEventTypes.Ping, Body = """{"type":"ping"}""", NextAttemptAt = DateTime.UtcNow,
    };

    [Fact]
    public async Task A_loopback_receiver_is_refused_at_delivery_unless_private_targets_are_allowed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var strict = Client(allowPrivate: false);
        var refused = await strict.PostAsync(receiver.Url, Ping(), "whsec_test");
        Assert.False(refused.Delivered);
        Assert.Null(refused.StatusCode);
        Assert.StartsWith("Target refused (https-required)", refused.Error);
        var literal = await strict.PostAsync(receiver.Url.Replace("http://", "https://"), Ping(), "whsec_test");
        Assert.StartsWith("Target refused (private-address)", literal.Error);
        Assert.Empty(receiver.Received);

        using var development = Client(allowPrivate: true);
        var delivered = await development.PostAsync(receiver.Url, Ping(), "whsec_test");
        Assert.True(delivered.Delivered, delivered.Error);
        Assert.Equal("ok", delivered.ResponseExcerpt);
        Assert.Single(receiver.Received);
    }

    [Fact]
    public async Task A_redirect_is_a_failure_and_is_not_followed()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = (_, _) => Task.FromResult(307);
        using var client = Client(allowPrivate: true);
        var result = await client.PostAsync(receiver.Url, Ping(), "whsec_test");
        Assert.False(result.Delivered);
        Assert.Equal(307, result.StatusCode);
        Assert.Contains("redirects are not followed", result.Error);
        await Task.Delay(500);
        Assert.DoesNotContain(receiver.Received, r => r.EventType == "followed");
    }

    [Fact]
    public async Task A_receiver_slower_than_the_timeout_is_a_failure_without_status()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = async (_, _) =>
        {
            await Task.Delay(TimeSpan.FromSeconds(3));
            return 200;
        };
        using var client = Client(allowPrivate: true, timeout: TimeSpan.FromMilliseconds(500));
        var result = await client.PostAsync(receiver.Url, Ping(), "whsec_test");
        Assert.False(result.Delivered);
        Assert.Null(result.StatusCode);
        Assert.StartsWith("No answer within", result.Error);
        Assert.InRange(result.DurationMs, 400, 2900);
    }
}
