using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/chat-channels (issue 18): Slack and Microsoft Teams channels that get a message on leave
/// events, managed by the company's admins only. A channel is a webhook endpoint of kind SLACK or TEAMS: same outbox,
/// same delivery by the Worker, which formats the message. Its incoming-webhook address is a secret: kept encrypted and
/// never given back, only its hint.
/// </summary>
public static class ChatChannelEndpoints
{
    public static RouteGroupBuilder MapChatChannelEndpoints(this RouteGroupBuilder api)
    {
        var channels = api.MapGroup("/companies/{companyId:guid}/chat-channels").WithTags("Chat channels")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        channels.MapGet("/", List).WithName("ListChatChannels")
            .WithSummary("The company's Slack and Teams channels, with only a hint of their address (admin, signed in: not a token).");
        channels.MapPost("/", Create).WithName("CreateChatChannel")
            .WithSummary("Registers a Slack or Teams incoming webhook that gets a message on the chosen leave events (admin, signed in).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        channels.MapPatch("/{channelId:guid}", Update).WithName("UpdateChatChannel")
            .WithSummary("Changes a channel's address, name, events, language or activity; what is left out stays (admin, signed in).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapDelete("/{channelId:guid}", Delete).WithName("DeleteChatChannel")
            .WithSummary("Deletes a channel with its pending messages (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapPost("/{channelId:guid}/test", Test).WithName("TestChatChannel")
            .WithSummary("Queues a test message to the channel, even inactive (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapGet("/{channelId:guid}/deliveries", Deliveries).WithName("ListChatChannelDeliveries")
            .WithSummary($"The channel's {WebhookDeliveryHistory.RecentDeliveries} most recent messages, newest first, each with its attempts: status code, duration, error, next try (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        channels.MapPost("/{channelId:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithName("RedeliverChatChannelDelivery")
            .WithSummary("Posts a dead-lettered message to the channel again, with the same event id (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<List<ChatChannelResponse>>, ProblemHttpResult>> List(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await WebhookEndpoints.AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var rows = await db.WebhookEndpoints.AsNoTracking()
            .Where(e => e.CompanyId == companyId && e.Kind != WebhookEndpointKind.WEBHOOK)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(ToResponse).ToList());
    }

    private static async Task<Results<Created<ChatChannelResponse>, ProblemHttpResult>> Create(
        Guid companyId, CreateChatChannelRequest request, HttpContext context, ArkoaDbContext db, WebhookSecretProtector protector,
        IOptions<WebhookSettings> settings, CancellationToken cancellationToken)
    {
        if (await WebhookEndpoints.AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var kind = ParseKind(request.Kind);
        var (events, error) = ChatChannelRules.Check(kind, request.Url, request.Name, request.Events, request.Language,
            settings.Value.AllowPrivateTargets, creating: true);
        if (error is not null) return error.ToProblem();
        if (await db.WebhookEndpoints.CountAsync(e => e.CompanyId == companyId, cancellationToken) >= WebhookRules.MaxEndpointsPerCompany)
        {
            return WebhookErrors.TooMany.ToProblem();
        }

        var language = request.Language
            ?? await db.Users.Where(u => u.Id == context.User.UserId()).Select(u => u.Language).SingleAsync(cancellationToken);
        var url = request.Url!.Trim();
        var channel = new WebhookEndpoint
        {
            CompanyId = companyId, Kind = kind!.Value, Url = ChatChannelUrl.Hint(url), Description = request.Name!.Trim(),
            Events = events, Language = ChatChannelRules.Languages.Contains(language) ? language : "en", Active = request.Active,
            EncryptedSecret = "",
        };
        channel.EncryptedSecret = protector.Protect(url, channel.Id);
        db.WebhookEndpoints.Add(channel);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/companies/{companyId}/chat-channels/{channel.Id}", ToResponse(channel));
    }

    private static async Task<Results<Ok<ChatChannelResponse>, ProblemHttpResult>> Update(
        Guid companyId, Guid channelId, UpdateChatChannelRequest request, HttpContext context, ArkoaDbContext db,
        WebhookSecretProtector protector, IOptions<WebhookSettings> settings, CancellationToken cancellationToken)
    {
        var (channel, refusal) = await LoadAsync(db, companyId, channelId, context, tracked: true, cancellationToken);
        if (channel is null) return refusal!;
        var (events, error) = ChatChannelRules.Check(channel.Kind, request.Url, request.Name, request.Events, request.Language,
            settings.Value.AllowPrivateTargets, creating: false);
        if (error is not null) return error.ToProblem();

        if (request.Url is not null)
        {
            var url = request.Url.Trim();
            channel.Url = ChatChannelUrl.Hint(url);
            channel.EncryptedSecret = protector.Protect(url, channel.Id);
        }
        if (request.Name is not null) channel.Description = request.Name.Trim();
        if (request.Events is not null) channel.Events = events;
        if (request.Language is not null) channel.Language = request.Language;
        if (request.Active is { } active) channel.Active = active;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(channel));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, Guid channelId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await WebhookEndpoints.AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var deleted = await db.WebhookEndpoints
            .Where(e => e.Id == channelId && e.CompanyId == companyId && e.Kind != WebhookEndpointKind.WEBHOOK)
            .ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound() : TypedResults.NoContent();
    }

    private static async Task<Results<Accepted<QueuedWebhookDelivery>, ProblemHttpResult>> Test(
        Guid companyId, Guid channelId, HttpContext context, ArkoaDbContext db, WebhookOutbox outbox, CancellationToken cancellationToken)
    {
        var (channel, refusal) = await LoadAsync(db, companyId, channelId, context, tracked: false, cancellationToken);
        if (channel is null) return refusal!;
        // The ping event: the Worker renders it as the channel's test message.
        var delivery = outbox.Ping(channel);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/companies/{companyId}/chat-channels",
            new QueuedWebhookDelivery(delivery.Id, delivery.EventId, delivery.EventType));
    }

    private static async Task<Results<Ok<List<WebhookDeliveryResponse>>, ProblemHttpResult>> Deliveries(
        Guid companyId, Guid channelId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var (channel, refusal) = await LoadAsync(db, companyId, channelId, context, tracked: false, cancellationToken);
        if (channel is null) return refusal!;
        return TypedResults.Ok(await WebhookDeliveryHistory.ListAsync(db, channelId, cancellationToken));
    }

    private static async Task<Results<Accepted<QueuedWebhookDelivery>, ProblemHttpResult>> Redeliver(
        Guid companyId, Guid channelId, Guid deliveryId, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (channel, refusal) = await LoadAsync(db, companyId, channelId, context, tracked: false, cancellationToken);
        if (channel is null) return refusal!;
        return await WebhookDeliveryHistory.RedeliverAsync(db, clock, channelId, deliveryId,
            $"/api/companies/{companyId}/chat-channels/{channelId}/deliveries", cancellationToken);
    }

    private static WebhookEndpointKind? ParseKind(string? kind) => kind switch
    {
        "SLACK" => WebhookEndpointKind.SLACK,
        "TEAMS" => WebhookEndpointKind.TEAMS,
        _ => null,
    };

    private static async Task<(WebhookEndpoint? Channel, ProblemHttpResult? Refusal)> LoadAsync(
        ArkoaDbContext db, Guid companyId, Guid channelId, HttpContext context, bool tracked, CancellationToken cancellationToken)
    {
        if (await WebhookEndpoints.AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return (null, refusal);
        var query = tracked ? db.WebhookEndpoints : db.WebhookEndpoints.AsNoTracking();
        var channel = await query.SingleOrDefaultAsync(
            e => e.Id == channelId && e.CompanyId == companyId && e.Kind != WebhookEndpointKind.WEBHOOK, cancellationToken);
        return channel is null ? (null, NotFound()) : (channel, null);
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound(ProblemCodes.ChatChannelNotFound, "The chat channel");

    private static ChatChannelResponse ToResponse(WebhookEndpoint e) =>
        new(e.Id, e.Kind.ToString(), e.Description, e.Url, e.Events, e.Language ?? "en", e.Active, e.CreatedAt, e.UpdatedAt);
}
