using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Accounts;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Arkoa.Core.Security;
using Arkoa.Core.Sso;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/auth: sign-up, sign-in, session, sign-out, e-mail verification, forgotten and changed passwords (each change of
/// password is mailed to the account). The e-mail change links are in <see cref="EmailChangeEndpoints"/>.
/// </summary>
public static class AuthEndpoints
{
    private const string WrongCredentials = "Wrong e-mail or password.";
    private const string InvalidLink = "This link is invalid, used or expired.";

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/sign-up", SignUp).WithName("SignUp").AllowAnonymous()
            .WithSummary("Creates an account and mails its confirmation link, or mails the address's owner instead; the same 202 either way (anyone).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/sign-in", SignIn).WithName("SignIn").AllowAnonymous()
            .WithSummary("Opens a session from an e-mail and password: a bearer token, and the session cookie for browsers; refused to a member of a company whose single sign-on is mandatory, its admins excepted (anyone).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/verify-email", VerifyEmail).WithName("VerifyEmail").AllowAnonymous()
            .WithSummary("Confirms the account's e-mail address with the token of the mailed link (anyone holding the link).")
            .ProducesValidationProblem();
        auth.MapPost("/resend-verification", ResendVerification).WithName("ResendVerificationEmail")
            .WithSummary("Mails the caller a fresh confirmation link, four an hour at most with the sign-up's (signed-in user whose address is unconfirmed).")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapGet("/session", GetSession).WithName("GetSession")
            .WithSummary("The caller's account and when the current session expires (signed-in user).");
        auth.MapPost("/sign-out", SignOut).WithName("SignOut")
            .WithSummary("Ends the current session and clears its cookie (signed-in user).");
        auth.MapPost("/forgot-password", ForgotPassword).WithName("RequestPasswordReset").AllowAnonymous()
            .WithSummary("Mails a password reset link if the address has an account; the same 202 either way (anyone).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        auth.MapPost("/reset-password", ResetPassword).WithName("ResetPassword").AllowAnonymous()
            .WithSummary("Sets a new password with the token of the mailed reset link and ends every session of the account (anyone holding the link).")
            .ProducesValidationProblem();
        auth.MapPost("/change-password", ChangePassword).WithName("ChangePassword")
            .WithSummary("Replaces the caller's password given the current one; their other sessions end (signed-in user).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    internal static UserResponse ToResponse(User u) =>
        new(u.Id, u.Name, u.Email, u.EmailVerified, u.Image, u.ActiveMembershipId, u.Language, u.PendingEmail, u.Theme);

    /// <summary>The answer to one attempt too many, from the same IP for the same e-mail.</summary>
    private static ProblemHttpResult TooManyAttempts(HttpContext context, TimeSpan retryAfter) =>
        Problems.TooManyRequests(context, retryAfter, ProblemCodes.TooManyAttempts, "Too many attempts. Try again in a minute.");

    /// <summary>The answer to a password attempt that came before its <see cref="SignInDelay"/>, whatever the password.</summary>
    internal static ProblemHttpResult TooManyFailures(HttpContext context, TimeSpan retryAfter) =>
        Problems.TooManyRequests(context, retryAfter, ProblemCodes.TooManyFailedSignIns, "Too many failed attempts: wait a moment and try again.");

    /// <summary>
    /// 202 without a session, whatever the address (issue 13): a free address gets its account and the verification
    /// link (the person then signs in with their password); an address that already has an account, or that an undo
    /// link keeps for one, gets no second account and its owner a mail saying someone tried. Both paths hash the
    /// password, read the address's holder once and queue one mail in one save, so neither the answer nor its timing
    /// tells whether the address is known.
    /// </summary>
    private static async Task<Results<Accepted, ValidationProblem, ProblemHttpResult>> SignUp(
        SignUpRequest request, ArkoaDbContext db, IPasswordHasher<User> hasher,
        AuthAttemptLimiter limiter, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email!);
        if (await limiter.CountAsync("sign-up", context, email) is { } wait) return TooManyAttempts(context, wait);
        if (PasswordPolicy.Check(request.Password!, request.Name, email) is { } passwordProblem) return Problems.Field("password", passwordProblem.Code, passwordProblem.Message, passwordProblem.Values);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User { Name = request.Name!.Trim(), Email = email, PasswordHash = "" };
        // The language the person signed up in, so the verification mail already speaks it (French by default).
        if (request.Language is { } language) user.Language = language;
        user.PasswordHash = hasher.HashPassword(user, request.Password!);

        var owner = await AddressOwners.FindAsync(db, email, now, cancellationToken);
        if (owner is null)
        {
            db.Users.Add(user);
            var verificationToken = AccountTokens.Issue(db, user.Id, UserTokenPurpose.VERIFY_EMAIL, EmailVerification.LinkLifetime, now);
            db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.VerifyEmail,
                new VerifyEmailPayload(user.Email, user.Name, verificationToken, user.Language)));
        }
        else
        {
            db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.AddressInUse,
                new AddressInUsePayload(email, owner.Name, AddressInUseAttempts.SignUp, owner.Language)));
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken); // one transaction: user, token and mail, or nothing
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            // A concurrent sign-up with the same address won; the answer stays the same.
        }
        return TypedResults.Accepted((string?)null);
    }

    /// <summary>
    /// Mails the caller a fresh verification link, at most <see cref="EmailVerification.Links"/> an hour (the sign-up's
    /// included), counted under the user's row lock.
    /// </summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> ResendVerification(
        ArkoaDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        return await db.InTransactionAsync<Results<Accepted, ProblemHttpResult>>(async ct =>
        {
            await db.LockUserAsync(userId, ct);
            var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
            if (user.EmailVerified) return Problems.Conflict(ProblemCodes.EmailAlreadyConfirmed, "Your e-mail address is already confirmed.");

            var now = clock.GetUtcNow().UtcDateTime;
            var sent = await db.UserTokens
                .Where(t => t.UserId == userId && t.Purpose == UserTokenPurpose.VERIFY_EMAIL && t.CreatedAt > EmailVerification.Links.Since(now))
                .Select(t => t.CreatedAt).ToListAsync(ct);
            if (EmailVerification.Links.RetryAfter(sent, now) is { } wait)
            {
                return Problems.TooManyRequests(context, wait, ProblemCodes.TooManyConfirmationLinks,
                    "Too many confirmation links were asked for in the last hour: open the latest one (look in the spam folder too), or try again later.");
            }

            var token = AccountTokens.Issue(db, userId, UserTokenPurpose.VERIFY_EMAIL, EmailVerification.LinkLifetime, now);
            db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.VerifyEmail,
                new VerifyEmailPayload(user.Email, user.Name, token, user.Language)));
            await db.SaveChangesAsync(ct);
            return TypedResults.Accepted((string?)null);
        }, cancellationToken);
    }

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> SignIn(
        SignInRequest request, ArkoaDbContext db, SessionIssuer sessions,
        AuthAttemptLimiter limiter, PasswordVerifier passwords, HttpContext context, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email!);
        // The per-(e-mail, client) limit is the progressive delay inside PasswordVerifier; this one is the client's.
        if (await limiter.CountClientAsync(context) is { } wait) return TooManyAttempts(context, wait);

        // An unknown e-mail is checked like a wrong password (same delay, same hashing): no account enumeration.
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        var check = await passwords.CheckAsync(email, user, request.Password!, cancellationToken);
        if (check.RetryAfter is { } delayedFor) return TooManyFailures(context, delayedFor);
        if (!check.Succeeded || user is null) return Problems.Unauthorized(ProblemCodes.WrongCredentials, WrongCredentials);
        // Only after the right password: the refusal names a company the account belongs to, which a guesser must not learn.
        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == user.Id && m.Active)
            .Join(db.CompanySsoProviders, m => m.CompanyId, p => p.CompanyId, (m, p) => new { m, p })
            .Select(x => new SsoMandatoryRule.MembershipSso(x.m.CompanyId, x.m.Company!.Name, x.m.Role, x.m.Active, x.p.Enabled, x.p.Mandatory))
            .ToListAsync(cancellationToken);
        if (SsoMandatoryRule.CheckPasswordSignIn(memberships) is { } ssoRequired) return ssoRequired.ToProblem();

        var token = sessions.Open(user, context);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(new AuthResponse(ToResponse(user), token));
    }

    private static async Task<Results<Ok<SessionResponse>, ProblemHttpResult>> GetSession(
        HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var sessionId = context.User.SessionId();
        var session = await db.Sessions.AsNoTracking().Include(s => s.User)
            .SingleOrDefaultAsync(s => s.Id == sessionId && s.UserId == userId, cancellationToken);
        if (session?.User is null) return Problems.Unauthorized(ProblemCodes.SessionEnded, "The session has ended.");
        return TypedResults.Ok(new SessionResponse(ToResponse(session.User), new SessionInfo(session.ExpiresAt)));
    }

    private static async Task<NoContent> SignOut(
        HttpContext context, ArkoaDbContext db, SessionIssuer sessions, SessionRevocations revocations, CancellationToken cancellationToken)
    {
        var sessionId = context.User.SessionId();
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
        await revocations.RevokeAsync(context.User.UserId());
        sessions.ClearCookie(context);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem>> VerifyEmail(
        VerifyEmailRequest request, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var hash = SecureToken.Hash(request.Token!);
        var now = clock.GetUtcNow().UtcDateTime;
        var token = await db.UserTokens.Include(t => t.User)
            .SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == UserTokenPurpose.VERIFY_EMAIL, cancellationToken);
        if (token?.User is null) return Problems.Field("token", ProblemCodes.InvalidLink, InvalidLink);
        // A used or stale link says so (issue 14 §10): a second click, or a mail opened late, is no mystery.
        if (token.User.EmailVerified)
        {
            return Problems.Field("token", ProblemCodes.AddressAlreadyConfirmed, "This address is already confirmed: this link has nothing left to do.");
        }
        if (token.UsedAt is not null || token.ExpiresAt <= now)
        {
            return Problems.Field("token", ProblemCodes.LinkExpired, "This link has expired: sign in and ask for a new confirmation link.");
        }
        token.UsedAt = now;
        token.User.EmailVerified = true;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    /// <summary>202 whatever the address: the answer never tells whether an account exists (see PasswordResetIssuer).</summary>
    private static async Task<Results<Accepted, ProblemHttpResult>> ForgotPassword(
        ForgotPasswordRequest request, PasswordResetIssuer resets, AuthAttemptLimiter limiter,
        HttpContext context, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email!);
        // Counted per (IP, e-mail) like sign-in, so nobody can flood a mailbox with reset links.
        if (await limiter.CountAsync("forgot-password", context, email) is { } wait) return TooManyAttempts(context, wait);
        await resets.IssueAsync(email, cancellationToken);
        return TypedResults.Accepted((string?)null);
    }

    private static async Task<Results<NoContent, ValidationProblem>> ResetPassword(
        ResetPasswordRequest request, ArkoaDbContext db, IPasswordHasher<User> hasher, SessionIssuer sessions,
        SessionRevocations revocations, SignInDelay delay, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var hash = SecureToken.Hash(request.Token!);
        // The link's owner, so their own name and e-mail count as guessable words; an unknown link fails below.
        var owner = await db.UserTokens.Where(t => t.TokenHash == hash && t.Purpose == UserTokenPurpose.RESET_PASSWORD)
            .Select(t => new { t.User!.Name, t.User.Email }).SingleOrDefaultAsync(cancellationToken);
        if (PasswordPolicy.Check(request.Password!, owner?.Name, owner?.Email) is { } passwordProblem) return Problems.Field("password", passwordProblem.Code, passwordProblem.Message, passwordProblem.Values);

        var reset = await db.InTransactionAsync<(Guid UserId, string Email)?>(async ct =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var token = await db.UserTokens.Include(t => t.User)
                .SingleOrDefaultAsync(t => t.TokenHash == hash && t.Purpose == UserTokenPurpose.RESET_PASSWORD, ct);
            if (token?.User is null) return null;
            // Claiming the token is one conditional UPDATE: of two requests racing with the same link, one wins.
            var claimed = await db.UserTokens.Where(t => t.Id == token.Id && t.UsedAt == null && t.ExpiresAt > now)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct);
            if (claimed == 0) return null;

            var user = token.User;
            user.PasswordHash = hasher.HashPassword(user, request.Password!);
            // The mailbox owner proved themself: the address is verified.
            user.EmailVerified = true;
            // Whoever knew the old password is signed out everywhere, and older reset links die with it.
            await db.Sessions.Where(s => s.UserId == user.Id).ExecuteDeleteAsync(ct);
            // And their API tokens: a reset is how an owner takes a stolen account back.
            await db.ApiTokens.Where(t => t.UserId == user.Id).ExecuteDeleteAsync(ct);
            // And its links to identity providers' subjects: the mailbox's owner decides again (a member's next single
            // sign-on links anew). A reset never bypasses a mandatory SSO: the password it sets is refused the same way.
            await db.SsoIdentities.Where(i => i.UserId == user.Id).ExecuteDeleteAsync(ct);
            await db.UserTokens.Where(t => t.UserId == user.Id && t.Purpose == UserTokenPurpose.RESET_PASSWORD && t.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct);
            db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.PasswordResetDone,
                new PasswordNoticePayload(user.Email, user.Name, now, user.Language, await MailTimeZones.OfUserAsync(db, user.Id, ct))));
            await db.SaveChangesAsync(ct);
            return (user.Id, user.Email);
        }, cancellationToken);
        if (reset is not { } done) return Problems.Field("token", ProblemCodes.InvalidLink, InvalidLink);
        await revocations.RevokeAsync(done.UserId);
        // Whoever opened the mailed link owns the mailbox: their wrong guesses before it no longer delay signing in.
        await delay.ClearAsync(done.Email, context);

        sessions.ClearCookie(context);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> ChangePassword(
        ChangePasswordRequest request, ArkoaDbContext db, IPasswordHasher<User> hasher, PasswordVerifier passwords,
        SessionRevocations revocations, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        if (PasswordPolicy.Check(request.NewPassword!, user.Name, user.Email) is { } passwordProblem) return Problems.Field("newPassword", passwordProblem.Code, passwordProblem.Message, passwordProblem.Values);
        // Wrong current passwords are delayed like sign-ins: a stolen session must not become a password oracle.
        var check = await passwords.CheckAsync(user, request.CurrentPassword!, cancellationToken);
        if (check.RetryAfter is { } delayedFor) return TooManyFailures(context, delayedFor);
        if (!check.Succeeded) return Problems.Field("currentPassword", ProblemCodes.WrongCurrentPassword, "The current password is wrong.");

        var sessionId = context.User.SessionId();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.InTransactionAsync(async ct =>
        {
            var current = await db.Users.SingleAsync(u => u.Id == userId, ct);
            current.PasswordHash = hasher.HashPassword(current, request.NewPassword!);
            // Other devices must sign in again with the new password; this one stays signed in.
            await db.Sessions.Where(s => s.UserId == userId && s.Id != sessionId).ExecuteDeleteAsync(ct);
            await db.UserTokens.Where(t => t.UserId == userId && t.Purpose == UserTokenPurpose.RESET_PASSWORD && t.UsedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.UsedAt, now), ct);
            // The account's owner hears of it, in case it was not them.
            db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.PasswordChanged,
                new PasswordNoticePayload(current.Email, current.Name, now, current.Language, await MailTimeZones.OfUserAsync(db, userId, ct))));
            return await db.SaveChangesAsync(ct);
        }, cancellationToken);
        await revocations.RevokeAsync(userId);
        return TypedResults.NoContent();
    }
}
