using Arkoa.Core.Domain;
using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/users/me/calendar-link: the caller's secret iCal feed address, and replacing it.</summary>
public static class CalendarLinkEndpoints
{
    public static RouteGroupBuilder MapCalendarLinkEndpoints(this RouteGroupBuilder api)
    {
        var link = api.MapGroup("/users/me/calendar-link").WithTags("Calendar")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        link.MapGet("/", Get).WithName("GetCalendarLink")
            .WithSummary("The caller's iCal feed address for a company; the secret is created on first use (any member).")
            .ProducesValidationProblem();
        link.MapPost("/rotate", Rotate).WithName("RotateCalendarLink").WithMetadata(SecretInAnswer.Instance)
            .WithSummary("Replaces the caller's feed secret: every address given before stops working (any member).")
            .ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<CalendarLinkResponse>, ValidationProblem, ProblemHttpResult>> Get(
        [FromQuery(Name = "companyId")] string? companyId, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (InvalidCompanyId(companyId, out var id) is { } invalid) return invalid;
        var userId = context.User.UserId();
        if (await db.CallerMembershipAsync(id, userId, cancellationToken) is null) return Problems.Forbidden(ProblemCodes.NotAMember, "You are not a member of this company.");
        var token = await db.Users.Where(u => u.Id == userId).Select(u => u.CalendarToken).SingleAsync(cancellationToken);
        if (token is null)
        {
            // Only the first of two concurrent first calls sets the secret; both then read the same one.
            await db.Users.Where(u => u.Id == userId && u.CalendarToken == null)
                .ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.CalendarToken, SecureToken.Create())
                    .SetProperty(x => x.UpdatedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
            token = await db.Users.Where(u => u.Id == userId).Select(u => u.CalendarToken).SingleAsync(cancellationToken);
        }
        return TypedResults.Ok(new CalendarLinkResponse(FeedPath(id, token!)));
    }

    private static async Task<Results<Ok<CalendarLinkResponse>, ValidationProblem, ProblemHttpResult>> Rotate(
        [FromQuery(Name = "companyId")] string? companyId, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (InvalidCompanyId(companyId, out var id) is { } invalid) return invalid;
        var userId = context.User.UserId();
        if (await db.CallerMembershipAsync(id, userId, cancellationToken) is null) return Problems.Forbidden(ProblemCodes.NotAMember, "You are not a member of this company.");
        var token = SecureToken.Create();
        await db.Users.Where(u => u.Id == userId)
            .ExecuteUpdateAsync(u => u
                .SetProperty(x => x.CalendarToken, token)
                .SetProperty(x => x.UpdatedAt, clock.GetUtcNow().UtcDateTime), cancellationToken);
        return TypedResults.Ok(new CalendarLinkResponse(FeedPath(id, token)));
    }

    private static string FeedPath(Guid companyId, string token) =>
        $"/api/companies/{companyId}/calendar.ics?token={Uri.EscapeDataString(token)}";

    /// <summary>?companyId= is required and must be a UUID (membership is checked by the caller).</summary>
    private static ValidationProblem? InvalidCompanyId(string? companyId, out Guid id)
    {
        var errors = new FieldErrors();
        QueryValues.TryGuid(companyId, errors, "companyId", out var parsed);
        if (parsed is null && errors.Count == 0) errors.Set("companyId", ProblemCodes.Required, "companyId is required.");
        id = parsed ?? Guid.Empty;
        return errors.Count > 0 ? Problems.Fields(errors) : null;
    }
}
