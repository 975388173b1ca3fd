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
/// /api/companies/{companyId}/webhooks (issue 18): the company's webhook endpoints, managed by its admins only and by no
/// API token (<see cref="Core.Tokens.ApiTokenAccess"/>): create (the secret is in that answer only), list, change,
/// rotate the secret, delete, send a test, and look at recent deliveries with their attempts (redelivering a dead one).
/// The Worker delivers (Arkoa.Worker/Webhooks).
/// </summary>
public static class WebhookEndpoints
{

    public static RouteGroupBuilder MapWebhookEndpoints(this RouteGroupBuilder api)
    {
        var hooks = api.MapGroup("/companies/{companyId:guid}/webhooks").WithTags("Webhooks")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        hooks.MapGet("/", List).WithName("ListWebhooks")
            .WithSummary("The company's webhook endpoints, never their secret (admin, signed in: not a token).");
        hooks.MapPost("/", Create).WithName("CreateWebhook")
            .WithSummary("Registers a webhook endpoint: a public https address, the events it receives; its signing secret is in this answer only (admin, signed in).")
            .WithMetadata(SecretInAnswer.Instance)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        hooks.MapGet("/{webhookId:guid}", Get).WithName("GetWebhook")
            .WithSummary("One webhook endpoint, never its secret (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPatch("/{webhookId:guid}", Update).WithName("UpdateWebhook")
            .WithSummary("Changes a webhook endpoint's address, description, events or activity; what is left out stays (admin, signed in).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapDelete("/{webhookId:guid}", Delete).WithName("DeleteWebhook")
            .WithSummary("Deletes a webhook endpoint with its deliveries; nothing more is sent to it (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{webhookId:guid}/rotate-secret", RotateSecret).WithName("RotateWebhookSecret")
            .WithSummary("Gives the endpoint a new signing secret, in this answer only; the old one signs nothing more (admin, signed in).")
            .WithMetadata(SecretInAnswer.Instance)
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{webhookId:guid}/ping", Ping).WithName("PingWebhook")
            .WithSummary("Queues a signed test event (type ping) to this endpoint, even inactive (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapGet("/{webhookId:guid}/deliveries", Deliveries).WithName("ListWebhookDeliveries")
            .WithSummary($"The endpoint's {WebhookDeliveryHistory.RecentDeliveries} most recent deliveries, newest first, each with its attempts: status code, duration, error, next try (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        hooks.MapPost("/{webhookId:guid}/deliveries/{deliveryId:guid}/redeliver", Redeliver).WithName("RedeliverWebhookDelivery")
            .WithSummary("Tries a dead-lettered delivery again, with a new round of attempts and the same event id (admin, signed in).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Results<Ok<List<WebhookResponse>>, ProblemHttpResult>> List(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var rows = await db.WebhookEndpoints.AsNoTracking().Where(e => e.CompanyId == companyId && e.Kind == WebhookEndpointKind.WEBHOOK)
            .OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(ToResponse).ToList());
    }

    private static async Task<Results<Created<CreatedWebhook>, ProblemHttpResult>> Create(
        Guid companyId, CreateWebhookRequest request, HttpContext context, ArkoaDbContext db, WebhookSecretProtector protector,
        IOptions<WebhookSettings> settings, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        var (events, error) = WebhookRules.Check(request.Url, request.Description, request.Events, settings.Value.AllowPrivateTargets, creating: true);
        if (error is not null) return error.ToProblem();
        if (await db.WebhookEndpoints.CountAsync(e => e.CompanyId == companyId, cancellationToken) >= WebhookRules.MaxEndpointsPerCompany)
        {
            return WebhookErrors.TooMany.ToProblem();
        }

        var secret = WebhookSecret.Create();
        var endpoint = new WebhookEndpoint
        {
            CompanyId = companyId, Url = request.Url!.Trim(), Description = request.Description?.Trim() ?? "", Events = events,
            Active = request.Active, EncryptedSecret = "",
        };
        endpoint.EncryptedSecret = protector.Protect(secret, endpoint.Id);
        db.WebhookEndpoints.Add(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/api/companies/{companyId}/webhooks/{endpoint.Id}", new CreatedWebhook(
            endpoint.Id, endpoint.Url, endpoint.Description, endpoint.Events, endpoint.Active, endpoint.CreatedAt, endpoint.UpdatedAt, secret));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Get(
        Guid companyId, Guid webhookId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var (endpoint, refusal) = await LoadAsync(db, companyId, webhookId, context, tracked: false, cancellationToken);
        return endpoint is null ? refusal! : TypedResults.Ok(ToResponse(endpoint));
    }

    private static async Task<Results<Ok<WebhookResponse>, ProblemHttpResult>> Update(
        Guid companyId, Guid webhookId, UpdateWebhookRequest request, HttpContext context, ArkoaDbContext db,
        IOptions<WebhookSettings> settings, CancellationToken cancellationToken)
    {
        var (endpoint, refusal) = await LoadAsync(db, companyId, webhookId, context, tracked: true, cancellationToken);
        if (endpoint is null) return refusal!;
        var (events, error) = WebhookRules.Check(request.Url, request.Description, request.Events, settings.Value.AllowPrivateTargets, creating: false);
        if (error is not null) return error.ToProblem();

        if (request.Url is not null) endpoint.Url = request.Url.Trim();
        if (request.Description is not null) endpoint.Description = request.Description.Trim();
        if (request.Events is not null) endpoint.Events = events;
        if (request.Active is { } active) endpoint.Active = active;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(ToResponse(endpoint));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, Guid webhookId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return refusal;
        // Its deliveries and their attempts go with it (cascade); a delivery being posted right now finishes first (row lock).
        var deleted = await db.WebhookEndpoints.Where(e => e.Id == webhookId && e.CompanyId == companyId && e.Kind == WebhookEndpointKind.WEBHOOK).ExecuteDeleteAsync(cancellationToken);
        return deleted == 0 ? NotFound() : TypedResults.NoContent();
    }

    private static async Task<Results<Ok<RotatedWebhookSecret>, ProblemHttpResult>> RotateSecret(
        Guid companyId, Guid webhookId, HttpContext context, ArkoaDbContext db, WebhookSecretProtector protector, CancellationToken cancellationToken)
    {
        var (endpoint, refusal) = await LoadAsync(db, companyId, webhookId, context, tracked: true, cancellationToken);
        if (endpoint is null) return refusal!;
        var secret = WebhookSecret.Create();
        endpoint.EncryptedSecret = protector.Protect(secret, endpoint.Id);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new RotatedWebhookSecret(endpoint.Id, secret));
    }

    private static async Task<Results<Accepted<QueuedWebhookDelivery>, ProblemHttpResult>> Ping(
        Guid companyId, Guid webhookId, HttpContext context, ArkoaDbContext db, WebhookOutbox outbox, CancellationToken cancellationToken)
    {
        var (endpoint, refusal) = await LoadAsync(db, companyId, webhookId, context, tracked: false, cancellationToken);
        if (endpoint is null) return refusal!;
        var delivery = outbox.Ping(endpoint);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/companies/{companyId}/webhooks/{webhookId}/deliveries",
            new QueuedWebhookDelivery(delivery.Id, delivery.EventId, delivery.EventType));
    }

    private static async Task<Results<Ok<List<WebhookDeliveryResponse>>, ProblemHttpResult>> Deliveries(
        Guid companyId, Guid webhookId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var (endpoint, refusal) = await LoadAsync(db, companyId, webhookId, context, tracked: false, cancellationToken);
        if (endpoint is null) return refusal!;
        return TypedResults.Ok(await WebhookDeliveryHistory.ListAsync(db, webhookId, cancellationToken));
    }

    private static async Task<Results<Accepted<QueuedWebhookDelivery>, ProblemHttpResult>> Redeliver(
        Guid companyId, Guid webhookId, Guid deliveryId, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var (endpoint, refusal) = await LoadAsync(db, companyId, webhookId, context, tracked: false, cancellationToken);
        if (endpoint is null) return refusal!;
        return await WebhookDeliveryHistory.RedeliverAsync(db, clock, webhookId, deliveryId,
            $"/api/companies/{companyId}/webhooks/{webhookId}/deliveries", cancellationToken);
    }

    /// <summary>Refuses anyone but an active admin of the company: 403 <c>forbidden</c> for a non-member, <c>admin-only-webhooks</c> for a member.</summary>
    internal static async Task<ProblemHttpResult?> AdminRefusalAsync(ArkoaDbContext db, Guid companyId, HttpContext context, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null) return Problems.Forbidden();
        return WebhookRules.CheckManager(caller)?.ToProblem();
    }

    private static async Task<(WebhookEndpoint? Endpoint, ProblemHttpResult? Refusal)> LoadAsync(
        ArkoaDbContext db, Guid companyId, Guid webhookId, HttpContext context, bool tracked, CancellationToken cancellationToken)
    {
        if (await AdminRefusalAsync(db, companyId, context, cancellationToken) is { } refusal) return (null, refusal);
        var query = tracked ? db.WebhookEndpoints : db.WebhookEndpoints.AsNoTracking();
        // A chat channel is managed at /chat-channels: its secret is its address, which rotating or echoing here would break or leak.
        var endpoint = await query.SingleOrDefaultAsync(e => e.Id == webhookId && e.CompanyId == companyId && e.Kind == WebhookEndpointKind.WEBHOOK, cancellationToken);
        return endpoint is null ? (null, NotFound()) : (endpoint, null);
    }

    private static ProblemHttpResult NotFound() => Problems.NotFound(ProblemCodes.WebhookNotFound, "The webhook endpoint");

    private static WebhookResponse ToResponse(WebhookEndpoint e) =>
        new(e.Id, e.Url, e.Description, e.Events, e.Active, e.CreatedAt, e.UpdatedAt);
}
