using Arkoa.Api.Auth;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Tokens;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Http;

/// <summary>
/// The <c>Idempotency-Key</c> header on every POST, PUT, PATCH and DELETE of the Api (issue 18), for any endpoint: the
/// first request with a key inserts its <see cref="IdempotencyRecord"/> before it runs — the unique (caller, key) row
/// is the lock, in Postgres, so of two requests with the same key on any replicas only one runs and the other gets 409
/// <c>idempotency-key-in-progress</c> — then stores its status and body. A repeat within 24 hours by the same caller
/// with the same method, path, query and body gets that answer again (header <c>Idempotent-Replayed: true</c>) without
/// the work; with another request it is 422 <c>idempotency-key-reused</c>. A server error, a 429 or an exception
/// forgets the key, so a retry runs. Anonymous requests (sign-up, sign-in, links) and answers that carry a secret shown once
/// (<see cref="SecretInAnswer"/>) ignore the key: the database never keeps a secret to replay it.
/// </summary>
public sealed partial class IdempotencyKeys(RequestDelegate next, TimeProvider clock, ILogger<IdempotencyKeys> logger)
{
    public const string ReplayedHeader = "Idempotent-Replayed";

    // Other callers' expired keys are swept now and then, in small batches, by the requests themselves.
    private const int SweepOneIn = 100;
    private const int SweepBatch = 1000;

    public async Task InvokeAsync(HttpContext context, ArkoaDbContext db)
    {
        var request = context.Request;
        if (!request.Headers.TryGetValue(IdempotencyKey.Header, out var values) || ApiTokenAccess.IsRead(request.Method)
            || !request.Path.StartsWithSegments("/api"))
        {
            await next(context);
            return;
        }
        var key = values.ToString();
        if (values.Count != 1 || !IdempotencyKey.IsValid(key))
        {
            // The field is the header's name in lower case, as the camel-case naming of `errors` leaves it.
            await Problems.Field(IdempotencyKey.Header.ToLowerInvariant(), ProblemCodes.InvalidIdempotencyKey,
                $"The {IdempotencyKey.Header} header must be 1 to {IdempotencyKey.MaxLength} letters, digits, dashes, underscores, dots or colons.",
                new Dictionary<string, object?> { ["max"] = IdempotencyKey.MaxLength }).ExecuteAsync(context);
            return;
        }
        if (context.User.Identity?.IsAuthenticated != true || context.GetEndpoint()?.Metadata.GetMetadata<SecretInAnswer>() is not null)
        {
            await next(context);
            return;
        }

        var userId = context.User.UserId();
        if (ApiTokenAuthenticationHandler.IsCompanyToken(context.User))
        {
            key = IdempotencyKey.OfCompanyToken(Guid.Parse(context.User.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)!.Value), key);
        }
        var fingerprint = IdempotentRequest.Fingerprint(request.Method, request.Path + request.QueryString, await BodyAsync(request));
        var now = clock.GetUtcNow().UtcDateTime;
        var recordId = await ClaimAsync(db, userId, key, fingerprint, now, context);
        if (recordId is null) return; // answered: a replay or a refusal

        await RunAndKeepAsync(context, db, recordId.Value);
        if (Random.Shared.Next(SweepOneIn) == 0) await SweepAsync(db, now);
    }

    /// <summary>Inserts the key's record, or answers the repeat from the one there; the new record's id when the request is to run.</summary>
    private static async Task<Guid?> ClaimAsync(ArkoaDbContext db, Guid userId, string key, string fingerprint, DateTime now, HttpContext context)
    {
        // Twice at most: an expired record found on the first pass is deleted, then the insert is tried again.
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var id = Guid.CreateVersion7();
            var expiresAt = now + IdempotencyKey.Lifetime;
            var inserted = await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO idempotency_records (id, user_id, key, request_hash, expires_at, created_at, updated_at)
                VALUES ({id}, {userId}, {key}, {fingerprint}, {expiresAt}, {now}, {now})
                ON CONFLICT (user_id, key) DO NOTHING
                """, context.RequestAborted);
            if (inserted == 1) return id;

            var first = await db.IdempotencyRecords.AsNoTracking()
                .SingleOrDefaultAsync(r => r.UserId == userId && r.Key == key, context.RequestAborted);
            if (first is null) continue; // finished with an error and forgotten meanwhile
            switch (IdempotentRequest.Repeat(first, fingerprint, now))
            {
                case IdempotencyOutcome.Expired:
                    await db.IdempotencyRecords.Where(r => r.Id == first.Id).ExecuteDeleteAsync(context.RequestAborted);
                    continue;
                case IdempotencyOutcome.Reused:
                    await Problems.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency key reused", ProblemCodes.IdempotencyKeyReused,
                        $"This {IdempotencyKey.Header} was already used for another request.").ExecuteAsync(context);
                    return null;
                case IdempotencyOutcome.InProgress:
                    context.Response.Headers.RetryAfter = "1";
                    await Problems.Conflict(ProblemCodes.IdempotencyKeyInProgress,
                        $"A request with this {IdempotencyKey.Header} is still running: try again in a moment.").ExecuteAsync(context);
                    return null;
                default:
                    await ReplayAsync(context, first);
                    return null;
            }
        }
        await Problems.Conflict(ProblemCodes.IdempotencyKeyInProgress,
            $"A request with this {IdempotencyKey.Header} is still running: try again in a moment.").ExecuteAsync(context);
        return null;
    }

    private async Task RunAndKeepAsync(HttpContext context, ArkoaDbContext db, Guid recordId)
    {
        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            context.Response.Body = original;
            await ForgetAsync(db, recordId);
            throw;
        }
        context.Response.Body = original;

        var response = context.Response;
        if (IdempotentRequest.IsKept(response.StatusCode))
        {
            var body = captured.ToArray();
            // The work is done: its answer is kept even if the caller has gone.
            await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteUpdateAsync(u => u
                .SetProperty(r => r.StatusCode, response.StatusCode)
                .SetProperty(r => r.ContentType, response.ContentType)
                .SetProperty(r => r.Location, response.Headers.Location.ToString() is { Length: > 0 } location ? location : null)
                .SetProperty(r => r.Body, body)
                .SetProperty(r => r.UpdatedAt, clock.GetUtcNow().UtcDateTime), CancellationToken.None);
        }
        else
        {
            await ForgetAsync(db, recordId);
        }
        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    private static async Task ReplayAsync(HttpContext context, IdempotencyRecord first)
    {
        var response = context.Response;
        response.StatusCode = first.StatusCode!.Value;
        if (first.ContentType is not null) response.ContentType = first.ContentType;
        if (first.Location is not null) response.Headers.Location = first.Location;
        response.Headers[ReplayedHeader] = "true";
        if (first.Body is { Length: > 0 } body) await response.Body.WriteAsync(body, context.RequestAborted);
    }

    private async Task ForgetAsync(ArkoaDbContext db, Guid recordId)
    {
        try
        {
            await db.IdempotencyRecords.Where(r => r.Id == recordId).ExecuteDeleteAsync(CancellationToken.None);
        }
        catch (Exception e) when (e is DbUpdateException or Npgsql.NpgsqlException or InvalidOperationException)
        {
            // The key stays "in progress" until it expires; the caller can use a new key.
            LogForgetFailed(logger, e);
        }
    }

    /// <summary>Deletes a batch of expired records; the repeat of an expired key deletes its own record anyway.</summary>
    public static Task<int> SweepAsync(ArkoaDbContext db, DateTime now) =>
        db.Database.ExecuteSqlInterpolatedAsync($"""
            DELETE FROM idempotency_records WHERE id IN
              (SELECT id FROM idempotency_records WHERE expires_at <= {now} LIMIT {SweepBatch} FOR UPDATE SKIP LOCKED)
            """, CancellationToken.None);

    private static async Task<byte[]> BodyAsync(HttpRequest request)
    {
        request.EnableBuffering();
        using var copy = new MemoryStream();
        await request.Body.CopyToAsync(copy, request.HttpContext.RequestAborted);
        request.Body.Position = 0;
        return copy.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not forget an idempotency key after a failed request; it stays in progress until it expires.")]
    private static partial void LogForgetFailed(ILogger logger, Exception exception);
}
