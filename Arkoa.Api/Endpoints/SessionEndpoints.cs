using Arkoa.Core.Domain;
using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/auth/sessions: the caller's sessions, each of which they may end, or all at once.</summary>
public static class SessionEndpoints
{
    public static RouteGroupBuilder MapSessionEndpoints(this RouteGroupBuilder api)
    {
        var sessions = api.MapGroup("/auth/sessions").WithTags("Auth");
        sessions.MapGet("", List).WithName("ListSessions")
            .WithSummary("The caller's open sessions with their device and address, the newest use first (signed-in user).");
        sessions.MapDelete("/{id:guid}", End).WithName("EndSession")
            .WithSummary("Signs one of the caller's sessions out; another person's session is not found (signed-in user).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        sessions.MapDelete("", EndAll).WithName("EndAllSessions")
            .WithSummary("Signs the caller out everywhere, this session included (signed-in user).");
        return api;
    }

    private static async Task<Ok<List<SessionListItem>>> List(
        ArkoaDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var current = context.User.SessionId();
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId && s.ExpiresAt > now)
            .OrderByDescending(s => s.LastSeenAt).ThenByDescending(s => s.Id)
            .Select(s => new { s.Id, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.IpAddress, s.UserAgent })
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(rows.Select(s =>
        {
            var device = DeviceName.FromUserAgent(s.UserAgent);
            return new SessionListItem(s.Id, s.CreatedAt, s.LastSeenAt, s.ExpiresAt, s.IpAddress, device.Browser, device.System, s.Id == current);
        }).ToList());
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> End(
        Guid id, ArkoaDbContext db, SessionIssuer sessions, SessionRevocations revocations, HttpContext context,
        CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        // Another person's session looks exactly like one that does not exist.
        var ended = await db.Sessions.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        if (ended == 0) return Problems.NotFound(ProblemCodes.SessionNotFound, "The session");
        await revocations.RevokeAsync(userId);
        if (id == context.User.SessionId()) sessions.ClearCookie(context);
        return TypedResults.NoContent();
    }

    private static async Task<NoContent> EndAll(
        ArkoaDbContext db, SessionIssuer sessions, SessionRevocations revocations, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        await revocations.RevokeAsync(userId);
        sessions.ClearCookie(context);
        return TypedResults.NoContent();
    }
}
