using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>/api/users: the caller's own account (profile, GDPR export and erasure) and active membership.</summary>
public static class UserEndpoints
{
    /// <summary>What an erased account is called; leaves and history keep pointing at it.</summary>
    public const string ErasedName = "Deleted user";

    public static RouteGroupBuilder MapUserEndpoints(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        users.MapPatch("/me", UpdateMe);
        users.MapGet("/me/export", Export);
        users.MapDelete("/me", DeleteMe);
        users.MapPatch("/active-membership", SetActiveMembership);
        users.MapGet("/company-role", CompanyRole);
        return api;
    }

    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateMe(
        UpdateMeRequest request, ArkoaDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (name is { Length: 0 }) return Problems.Field("name", "The name cannot be blank.");
        var email = request.Email is null ? null : EmailAddress.Normalize(request.Email);
        var userId = context.User.UserId();

        try
        {
            var user = await db.InTransactionAsync(async ct =>
            {
                var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
                if (name is not null) user.Name = name;
                if (request.Language is not null) user.Language = request.Language;
                if (email is not null && email != user.Email)
                {
                    if (await db.Users.AnyAsync(u => u.Email == email, ct)) return null;
                    user.Email = email;
                    user.EmailVerified = false;
                    // Links mailed to the previous address must neither verify nor reset the new one.
                    await db.UserTokens.Where(t => t.UserId == userId && t.UsedAt == null).ExecuteDeleteAsync(ct);
                    var token = SecureToken.Create();
                    db.UserTokens.Add(new UserToken
                    {
                        UserId = userId,
                        Purpose = UserTokenPurpose.VERIFY_EMAIL,
                        TokenHash = SecureToken.Hash(token),
                        ExpiresAt = clock.GetUtcNow().UtcDateTime + AuthEndpoints.VerificationLifetime,
                    });
                    db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.EmailChange,
                        new EmailChangePayload(user.Email, user.Name, token, user.Language)));
                }
                await db.SaveChangesAsync(ct);
                return user;
            }, cancellationToken);
            return user is null ? EmailTaken() : TypedResults.Ok(AuthEndpoints.ToResponse(user));
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return EmailTaken(); // another account took the address at the same moment
        }
    }

    private static ProblemHttpResult EmailTaken() => Problems.Conflict("An account with this e-mail already exists.");

    private static async Task<Ok<UserExport>> Export(
        ArkoaDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var sessionId = context.User.SessionId();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);

        var memberships = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new ExportMembership(m.Id, m.CompanyId, m.Company!.Name, m.Role, m.Active, m.JoinedOn, m.CreatedAt))
            .ToListAsync(cancellationToken);
        var membershipIds = memberships.Select(m => m.Id).ToList();

        var leaves = await db.Leaves.AsNoTracking().Where(l => membershipIds.Contains(l.MembershipId))
            .OrderBy(l => l.StartDate).ThenBy(l => l.Id)
            .ToListAsync(cancellationToken);
        var balances = await db.LeaveBalances.AsNoTracking().Where(b => membershipIds.Contains(b.MembershipId))
            .OrderBy(b => b.MembershipId).ThenBy(b => b.Type)
            .Select(b => new ExportBalance(b.MembershipId, b.Type, b.RemainingDays, b.UpdatedAt))
            .ToListAsync(cancellationToken);
        var history = await db.LeaveBalanceHistory.AsNoTracking().Where(h => membershipIds.Contains(h.LeaveBalance!.MembershipId))
            .OrderBy(h => h.CreatedAt).ThenBy(h => h.Id)
            .Select(h => new ExportBalanceHistory(h.Id, h.LeaveBalance!.MembershipId, h.LeaveBalance.Type, h.Change, h.Type,
                h.Reason, h.LeaveId, h.ActorId == userId, h.CreatedAt))
            .ToListAsync(cancellationToken);
        var sessions = await db.Sessions.AsNoTracking().Where(s => s.UserId == userId)
            .OrderBy(s => s.CreatedAt).ThenBy(s => s.Id)
            .Select(s => new ExportSession(s.Id, s.CreatedAt, s.ExpiresAt, s.IpAddress, s.UserAgent, s.Id == sessionId))
            .ToListAsync(cancellationToken);

        var profile = new ExportProfile(user.Id, user.Name, user.Email, user.EmailVerified, user.Image, user.Language,
            user.ActiveMembershipId, user.CalendarToken is not null, user.CreatedAt, user.UpdatedAt);
        context.Response.Headers.ContentDisposition = "attachment; filename=\"arkoa-export.json\"";
        return TypedResults.Ok(new UserExport(clock.GetUtcNow().UtcDateTime, profile, memberships,
            leaves.Select(LeaveResponse.From).ToList(), balances, history, sessions));
    }

    /// <summary>
    /// GDPR erasure: the person disappears (name, e-mail, password, sessions, tokens, invitations and mails to
    /// them), the company's records stay: leaves and balance history remain, attached to an anonymous user.
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteMe(
        [FromBody] DeleteMeRequest request, ArkoaDbContext db, PasswordVerifier passwords, SessionIssuer sessions,
        SessionRevocations revocations, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var check = await passwords.CheckAsync(user, request.Password!, cancellationToken);
        if (check.RetryAfter is { } lockedFor) return AuthEndpoints.Locked(context, lockedFor);
        if (!check.Succeeded) return Problems.Field("password", "The password is wrong.");
        await db.SaveChangesAsync(cancellationToken); // the reset failure count, even if the erasure is refused below

        var lastAdminOf = await db.InTransactionAsync(async ct =>
        {
            var adminOf = await db.Memberships.Where(m => m.UserId == userId && m.Active && m.Role == UserRole.ADMIN)
                .Select(m => m.CompanyId).OrderBy(id => id).ToListAsync(ct);
            // Lock those companies (in id order, so two erasures cannot deadlock) and the user's memberships, so a
            // concurrent demotion or erasure of the other admin waits and cannot leave a company without one.
            foreach (var companyId in adminOf)
            {
                await db.Database.ExecuteSqlAsync($"SELECT 1 FROM companies WHERE id = {companyId} FOR UPDATE", ct);
            }
            var membershipIds = await db.Memberships.Where(m => m.UserId == userId).Select(m => m.Id).OrderBy(id => id).ToListAsync(ct);
            foreach (var membershipId in membershipIds) await db.LockMemberAsync(membershipId, ct);

            var lastAdmin = await db.Companies.Where(c => adminOf.Contains(c.Id)
                    && !c.Memberships.Any(m => m.UserId != userId && m.Active && m.Role == UserRole.ADMIN))
                .OrderBy(c => c.Name).Select(c => c.Name).FirstOrDefaultAsync(ct);
            if (lastAdmin is not null) return lastAdmin;

            await EraseAsync(db, userId, membershipIds, ct);
            return null;
        }, cancellationToken);
        if (lastAdminOf is not null)
        {
            return Problems.Conflict($"You are the last admin of {lastAdminOf}: make someone else admin or delete the company first.");
        }

        await revocations.RevokeAsync(userId);
        sessions.ClearCookie(context);
        return TypedResults.NoContent();
    }

    private static async Task EraseAsync(ArkoaDbContext db, Guid userId, List<Guid> membershipIds, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var formerEmail = user.Email;

        user.Name = ErasedName;
        // Unique like any address, and in the reserved .invalid domain, so no mail can ever reach anyone.
        user.Email = $"erased-{userId:N}@erased.invalid";
        user.EmailVerified = false;
        user.Image = null;
        user.PasswordHash = ""; // matches no password: the account can never sign in again
        user.CalendarToken = null;
        user.ActiveMembershipId = null;
        user.FailedSignInCount = 0;
        user.LockedUntil = null;

        // Deactivated memberships keep their leaves and history but give no access and leave the stats.
        await db.Memberships.Where(m => m.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Active, false), ct);
        // Free text about the person goes; dates, types, days and statuses stay for the company's records. Deleted
        // leaves too: they are hidden, not gone.
        await db.Leaves.IgnoreQueryFilters().Where(l => membershipIds.Contains(l.MembershipId))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Reason, (string?)null).SetProperty(l => l.ManagerNote, (string?)null), ct);
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Invitations.Where(i => i.Email == formerEmail).ExecuteDeleteAsync(ct);
        // Mails to the person, sent or not, hold their address and name.
        await db.Database.ExecuteSqlAsync($"DELETE FROM outbox_messages WHERE payload->>'to' = {formerEmail}", ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> SetActiveMembership(
        SetActiveMembershipRequest request, ArkoaDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        // Someone else's membership looks exactly like one that does not exist.
        var membership = await db.Memberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == request.MembershipId && m.UserId == userId, cancellationToken);
        if (membership is null) return Problems.NotFound("The membership");
        if (!membership.Active) return Problems.Forbidden("This membership is deactivated.");

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.ActiveMembershipId = membership.Id;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AuthEndpoints.ToResponse(user));
    }

    private static async Task<Results<Ok<CompanyRoleResponse>, ValidationProblem, ProblemHttpResult>> CompanyRole(
        [FromQuery] string? companyId, ArkoaDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(companyId, out var id)) return Problems.Field("companyId", "Give the company's id.");
        var caller = await db.CallerMembershipAsync(id, context.User.UserId(), cancellationToken);
        if (caller is null) return Problems.Forbidden();
        return TypedResults.Ok(new CompanyRoleResponse(caller.Role));
    }
}
