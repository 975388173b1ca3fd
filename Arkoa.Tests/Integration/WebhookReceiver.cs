using System.Collections.Concurrent;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Arkoa.Tests.Integration;

/// <summary>One POST the receiver got, as it got it, and what it answered.</summary>
public sealed record ReceivedWebhook(DateTime At, string? Signature, string? EventId, string? EventType, string? DeliveryId, string? UserAgent,
    string Body, int AnsweredStatus);

/// <summary>
/// A real HTTP receiver for webhook tests: Kestrel on loopback in the test process (the Workers post to it over the
/// network like to any receiver), recording every request; <see cref="Answer"/> decides each status (200 unless told)
/// and may hold the answer back.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<ReceivedWebhook> _received = new();

    private WebhookReceiver(WebApplication app) => _app = app;

    /// <summary>Decides the answer to a request from its event type and the requests before it; 200 unless set.</summary>
    public Func<ReceivedWebhook, IReadOnlyList<ReceivedWebhook>, Task<int>> Answer { get; set; } = (_, _) => Task.FromResult(200);

    public string Url { get; private set; } = "";

    public IReadOnlyList<ReceivedWebhook> Received => _received.ToList();

    public static async Task<WebhookReceiver> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var receiver = new WebhookReceiver(app);
        app.MapPost("/hook", receiver.HandleAsync);
        // Where a redirect would lead: a client that follows it shows here as a request of type "followed".
        app.MapMethods("/hook/followed", ["GET", "POST"], context =>
        {
            receiver._received.Enqueue(new ReceivedWebhook(DateTime.UtcNow, null, null, "followed", null, null, "", 200));
            return Task.CompletedTask;
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        receiver.Url = address + "/hook";
        return receiver;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync();
        var headers = context.Request.Headers;
        var request = new ReceivedWebhook(DateTime.UtcNow, headers["Arkoa-Signature"], headers["Arkoa-Event-Id"], headers["Arkoa-Event-Type"],
            headers["Arkoa-Delivery-Id"], headers.UserAgent, body, 0);
        var status = await Answer(request, Received);
        _received.Enqueue(request with { AnsweredStatus = status });
        context.Response.StatusCode = status;
        if (status is >= 300 and < 400) context.Response.Headers.Location = Url + "/followed";
        await context.Response.WriteAsync(status == 200 ? "ok" : "receiver says no");
    }

    /// <summary>Waits until <paramref name="condition"/> holds over what was received; false when the time is up.</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<ReceivedWebhook>, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!condition(Received))
        {
            if (DateTime.UtcNow > deadline) return false;
            await Task.Delay(100);
        }
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
