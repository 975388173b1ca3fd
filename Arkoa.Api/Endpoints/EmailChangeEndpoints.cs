using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Accounts;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/auth/confirm-email-change and /undo-email-change: the two links of an e-mail change (see EmailChange). Both
/// are anonymous, like the verification link: the mail may be opened on another device than the session's.
/// </summary>
public static class EmailChangeEndpoints
{
    private const string InvalidLink = "This link is invalid, used or expired.";
    private const string AddressTaken = "This address now belongs to another account.";

    public static RouteGroupBuilder MapEmailChangeEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/confirm-email-change", Confirm).WithName("ConfirmEmailChange").AllowAnonymous()
            .WithSummary("Moves the account to its pending address with the token mailed there; the former address gets an undo link (anyone holding the link).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        auth.MapPost("/undo-email-change", Undo).WithName("UndoEmailChange").AllowAnonymous()
            .WithSummary("Gives the account its former address back with the token mailed there, ends its sessions and mails a reset link (anyone holding the link).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    /// <summary>The link mailed to the new address: the account moves to it, and the former address gets the undo link.</summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Confirm(
        EmailChangeLinkRequest request, ArkoaDbContext db, SignInDelay delay, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        try
        {
            string? confirmed = null;
            var outcome = await db.InTransactionAsync<Results<NoContent, ValidationProblem, ProblemHttpResult>>(async ct =>
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var token = await AccountTokens.ClaimAsync(db, request.Token!, UserTokenPurpose.CONFIRM_EMAIL_CHANGE, now, ct);
                if (token?.User is null || token.Email is null) return Problems.Field("token", ProblemCodes.InvalidLink, InvalidLink);
                if (!await EmailChange.ConfirmAsync(db, token.User, token.Email, now, ct)) return Problems.Conflict(ProblemCodes.EmailTaken, AddressTaken);
                await db.SaveChangesAsync(ct);
                confirmed = token.Email;
                return TypedResults.NoContent();
            }, cancellationToken);
            // Whoever opened the mailed link owns the mailbox: sign-in attempts with the address before it (when it
            // had no account yet) no longer delay signing in with it.
            if (confirmed is not null) await delay.ClearAsync(confirmed, context);
            return outcome;
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return Problems.Conflict(ProblemCodes.EmailTaken, AddressTaken); // a sign-up took the address at the same instant
        }
    }

    /// <summary>
    /// The link mailed to the former address: it takes the account back. Whoever moved the account may know its
    /// password and holds its sessions, so every session ends, the password stops working, and a link to choose a new
    /// one goes to the restored address.
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Undo(
        EmailChangeLinkRequest request, ArkoaDbContext db, IPasswordHasher<User> hasher, PasswordResetIssuer resets,
        SessionIssuer sessions, SessionRevocations revocations, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var outcome = await db.InTransactionAsync<(Guid? UserId, Results<NoContent, ValidationProblem, ProblemHttpResult>? Refusal)>(async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var token = await AccountTokens.ClaimAsync(db, request.Token!, UserTokenPurpose.UNDO_EMAIL_CHANGE, now, ct);
            if (token?.User is null || token.Email is null) return (null, Problems.Field("token", ProblemCodes.InvalidLink, InvalidLink));
            var user = token.User;
            if (!await EmailChange.RestoreAsync(db, user, token.Email, now, ct)) return (null, Problems.Conflict(ProblemCodes.EmailTaken, AddressTaken));

            // A password nobody knows: only the reset link below opens the account again.
            user.PasswordHash = hasher.HashPassword(user, SecureToken.Create());
            await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
            // API tokens too: whoever took the account over may have made some.
            await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
            await db.SaveChangesAsync(ct);
            await resets.IssueAsync(user.Email, ct);
            return (user.Id, null);
        }, cancellationToken);
        if (outcome.Refusal is { } refusal) return refusal;

        await revocations.RevokeAsync(outcome.UserId!.Value);
        sessions.ClearCookie(context);
        return TypedResults.NoContent();
    }
}
