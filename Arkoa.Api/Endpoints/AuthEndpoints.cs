using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/auth: sign-up, sign-in, session, sign-out, e-mail verification.</summary>
public static class AuthEndpoints
{
    public static readonly TimeSpan VerificationLifetime = TimeSpan.FromHours(24);
    private const string WrongCredentials = "Wrong e-mail or password.";

    public static RouteGroupBuilder MapAuthEndpoints(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth");
        auth.MapPost("/sign-up", SignUp).AllowAnonymous();
        auth.MapPost("/sign-in", SignIn).AllowAnonymous();
        auth.MapPost("/verify-email", VerifyEmail).AllowAnonymous();
        auth.MapGet("/session", GetSession);
        auth.MapPost("/sign-out", SignOut);
        return api;
    }

    internal static UserResponse ToResponse(User u) => new(u.Id, u.Name, u.Email, u.EmailVerified, u.Image, u.ActiveMembershipId);

    private static async Task<Results<Created<AuthResponse>, ValidationProblem, ProblemHttpResult>> SignUp(
        SignUpRequest request, ArkoaDbContext db, IPasswordHasher<User> hasher, SessionIssuer sessions,
        TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        if (PasswordPolicy.Check(request.Password!) is { } passwordProblem) return Problems.Field("password", passwordProblem);

        var email = EmailAddress.Normalize(request.Email!);
        if (await db.Users.AnyAsync(u => u.Email == email, cancellationToken)) return EmailTaken();

        var user = new User { Name = request.Name!.Trim(), Email = email, PasswordHash = "" };
        user.PasswordHash = hasher.HashPassword(user, request.Password!);
        db.Users.Add(user);

        var verificationToken = SecureToken.Create();
        db.UserTokens.Add(new UserToken
        {
            UserId = user.Id,
            Purpose = UserTokenPurpose.VERIFY_EMAIL,
            TokenHash = SecureToken.Hash(verificationToken),
            ExpiresAt = clock.GetUtcNow().UtcDateTime + VerificationLifetime,
        });
        db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.VerifyEmail,
            new VerifyEmailPayload(user.Email, user.Name, verificationToken, user.Language)));
        var token = sessions.Open(user, context);

        try
        {
            await db.SaveChangesAsync(cancellationToken); // one transaction: user, session, token and mail, or nothing
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EmailTaken(); // a concurrent sign-up with the same e-mail won
        }
        return TypedResults.Created("/api/auth/session", new AuthResponse(ToResponse(user), token));
    }

    private static ProblemHttpResult EmailTaken() => Problems.Conflict("An account with this e-mail already exists.");

    private static async Task<Results<Ok<AuthResponse>, ProblemHttpResult>> SignIn(
        SignInRequest request, ArkoaDbContext db, IPasswordHasher<User> hasher, SessionIssuer sessions,
        HttpContext context, CancellationToken cancellationToken)
    {
        var email = EmailAddress.Normalize(request.Email!);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, cancellationToken);
        if (user is null)
        {
            // Hash anyway so an unknown e-mail takes as long as a wrong password: no account enumeration by timing.
            hasher.HashPassword(new User { Name = "", Email = email, PasswordHash = "" }, request.Password!);
            return Problems.Unauthorized(WrongCredentials);
        }

        var verification = hasher.VerifyHashedPassword(user, user.PasswordHash, request.Password!);
        if (verification == PasswordVerificationResult.Failed) return Problems.Unauthorized(WrongCredentials);
        if (verification == PasswordVerificationResult.SuccessRehashNeeded) user.PasswordHash = hasher.HashPassword(user, request.Password!);

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
        if (session?.User is null) return Problems.Unauthorized("The session has ended.");
        return TypedResults.Ok(new SessionResponse(ToResponse(session.User), new SessionInfo(session.ExpiresAt)));
    }

    private static async Task<NoContent> SignOut(HttpContext context, ArkoaDbContext db, SessionIssuer sessions, CancellationToken cancellationToken)
    {
        var sessionId = context.User.SessionId();
        await db.Sessions.Where(s => s.Id == sessionId).ExecuteDeleteAsync(cancellationToken);
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
        if (token?.User is null || token.UsedAt is not null || token.ExpiresAt <= now)
        {
            return Problems.Field("token", "This link is invalid, used or expired.");
        }
        token.UsedAt = now;
        token.User.EmailVerified = true;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
