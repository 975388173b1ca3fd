extern alias ArkoaWorker;

using System.Net;
using System.Net.Sockets;
using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using ArkoaWorker::Arkoa.Worker.Webhooks;
using Microsoft.Extensions.Options;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Worker's webhook client against a real receiver on loopback, without the AppHost: a private target is refused at
/// delivery time unless Development allows it (an endpoint registered under other rules is checked again), a redirect
/// is a failure and is not followed, a slow receiver times out, and only the start of an answer is kept; a name that
/// passed the rules when registered but resolves to an internal address when delivered (DNS rebinding) is refused then.
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

    /// <summary>
    /// DNS rebinding end to end: the name passes the production rules as written (as at registration), then its DNS
    /// answer at delivery time is loopback — played by the resolver, standing for the attacker's DNS server, since no
    /// name resolves to loopback on every machine without touching its hosts file or the network (here even
    /// <c>localhost.</c> and <c>*.localhost</c> do not resolve). The client refuses with the documented reason and
    /// never connects: a listener on loopback, standing for an internal service, is offered no connection. Where
    /// private targets are allowed, the same answer is connected to: the refusal is the resolved-address check's.
    /// </summary>
    [Fact]
    public async Task A_name_that_resolves_to_an_internal_address_at_delivery_is_refused_and_nothing_is_sent()
    {
        using var service = new TcpListener(IPAddress.Loopback, 0);
        service.Start();
        var port = ((IPEndPoint)service.LocalEndpoint).Port;
        var connections = 0;
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    using var connection = await service.AcceptTcpClientAsync();
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                // Stopped at the end of the test.
            }
        });
        const string host = "hooks.rebound-example.com";
        var url = $"https://{host}:{port}/hook";
        Assert.Null(WebhookTargetRules.CheckUrl(url, allowPrivate: false));

        var asked = new List<string>();
        CheckedConnection.HostResolver Answering(params IPAddress[] addresses) => (name, _) =>
        {
            lock (asked) asked.Add(name);
            return Task.FromResult(addresses);
        };
        var answers = new[]
        {
            new[] { IPAddress.Loopback },
            [IPAddress.Parse("93.184.216.34"), IPAddress.Loopback], // one internal address among public ones is enough
            [IPAddress.Parse("::ffff:127.0.0.1")],
            [IPAddress.Parse("169.254.169.254")], // the cloud's metadata service
        };
        foreach (var answer in answers)
        {
            using var strict = new WebhookClient(Options.Create(new WebhookOptions()),
                Options.Create(new WebhookSettings { AllowPrivateTargets = false }), TimeProvider.System, Answering(answer));
            var refused = await strict.PostAsync(url, Ping(), "whsec_test");
            Assert.False(refused.Delivered);
            Assert.Null(refused.StatusCode);
            Assert.StartsWith("Target refused (private-address)", refused.Error);
        }
        Assert.Equal(Enumerable.Repeat(host, answers.Length), asked);
        await Task.Delay(300);
        Assert.Equal(0, Volatile.Read(ref connections));

        using var development = new WebhookClient(Options.Create(new WebhookOptions { Timeout = TimeSpan.FromSeconds(5) }),
            Options.Create(new WebhookSettings { AllowPrivateTargets = true }), TimeProvider.System, Answering(IPAddress.Loopback));
        // A plain TCP listener speaks no TLS: the post fails, but only after connecting to the address the resolver gave.
        Assert.False((await development.PostAsync(url, Ping(), "whsec_test")).Delivered);
        for (var i = 0; i < 50 && Volatile.Read(ref connections) == 0; i++) await Task.Delay(100);
        Assert.Equal(1, Volatile.Read(ref connections));
        service.Stop();
    }
}
