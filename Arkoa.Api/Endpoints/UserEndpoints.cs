using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Accounts;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Leaves;
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
        users.MapPatch("/me", UpdateMe).WithName("UpdateMe")
            .WithSummary("Changes the caller's name, language and colour theme; a new e-mail address needs the current password and waits for its mailed link (signed-in user).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        users.MapGet("/me/export", Export).WithName("ExportMyData")
            .WithSummary("Everything Arkoa keeps about the caller, as one JSON download (signed-in user; GDPR access).");
        users.MapDelete("/me", DeleteMe).WithName("DeleteMe")
            .WithSummary("Erases the caller's account given its password; the companies keep their records, anonymised (signed-in user; GDPR erasure).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        users.MapPatch("/active-membership", SetActiveMembership).WithName("SetActiveMembership")
            .WithSummary("Chooses which of the caller's active memberships the Web shows (signed-in user).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapGet("/company-role", CompanyRole).WithName("GetCompanyRole")
            .WithSummary("The caller's role in a company (any member).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);
        return api;
    }

    /// <summary>
    /// Name, language and theme change at once. A new e-mail address needs the current password (a stolen session alone must
    /// not move the account) and becomes the pending address: the account keeps its address until the link mailed to
    /// the new one is followed (EmailChange). The answer is the same whether or not the new address is taken.
    /// </summary>
    private static async Task<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>> UpdateMe(
        UpdateMeRequest request, ArkoaDbContext db, PasswordVerifier passwords, TimeProvider clock, HttpContext context,
        CancellationToken cancellationToken)
    {
        var name = request.Name?.Trim();
        if (name is { Length: 0 }) return Problems.Field("name", ProblemCodes.NameBlank, "The name cannot be blank.");
        var email = request.Email is null ? null : EmailAddress.Normalize(request.Email);
        var userId = context.User.UserId();

        var current = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var movesAddress = email is not null && email != current.Email;
        if (movesAddress)
        {
            if (string.IsNullOrEmpty(request.CurrentPassword))
            {
                return Problems.Field("currentPassword", ProblemCodes.CurrentPasswordRequired, "Give your current password to change the e-mail address.");
            }
            var check = await passwords.CheckAsync(current, request.CurrentPassword, cancellationToken);
            if (check.RetryAfter is { } delayedFor) return AuthEndpoints.TooManyFailures(context, delayedFor);
            if (!check.Succeeded) return Problems.Field("currentPassword", ProblemCodes.WrongCurrentPassword, "The current password is wrong.");
            await db.SaveChangesAsync(cancellationToken); // the reset failure count or upgraded hash
        }

        var now = clock.GetUtcNow().UtcDateTime;
        return await db.InTransactionAsync<Results<Ok<UserResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockUserAsync(userId, ct);
            var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
            if (name is not null) user.Name = name;
            if (request.Language is not null) user.Language = request.Language;
            if (request.Theme is not null) user.Theme = request.Theme;
            // Asking for the pending address again mails a fresh link; giving the current one back withdraws the change.
            if (movesAddress && await EmailChange.RequestAsync(db, user, email!, now, ct) is { } wait)
            {
                return Problems.TooManyRequests(context, wait, ProblemCodes.TooManyEmailChanges, "Too many e-mail address changes in the last hour: try again later.");
            }
            if (!movesAddress && email is not null && user.PendingEmail is not null) await EmailChange.WithdrawAsync(db, user, now, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(AuthEndpoints.ToResponse(user));
        }, cancellationToken);
    }

    private static async Task<Ok<UserExport>> Export(
        ArkoaDbContext db, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var sessionId = context.User.SessionId();
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);

        var memberRows = await db.Memberships.AsNoTracking().Where(m => m.UserId == userId)
            .OrderBy(m => m.CreatedAt).ThenBy(m => m.Id)
            .Select(m => new { Export = new ExportMembership(m.Id, m.CompanyId, m.Company!.Name, m.Role, m.Active, m.JoinedOn, m.CreatedAt), m.Company.TimeZone })
            .ToListAsync(cancellationToken);
        var memberships = memberRows.Select(r => r.Export).ToList();
        var membershipOf = memberRows.ToDictionary(r => r.Export.Id);
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
        var apiTokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == userId)
            .OrderBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Select(t => new ExportApiToken(t.Id, t.Name, t.CompanyId, t.Scopes, t.CreatedAt, t.LastUsedAt, t.ExpiresAt))
            .ToListAsync(cancellationToken);

        var profile = new ExportProfile(user.Id, user.Name, user.Email, user.EmailVerified, user.Image, user.Language,
            user.ActiveMembershipId, user.CalendarToken is not null, user.CreatedAt, user.UpdatedAt, user.PendingEmail, user.Theme);
        context.Response.Headers.ContentDisposition = "attachment; filename=\"arkoa-export.json\"";
        return TypedResults.Ok(new UserExport(clock.GetUtcNow().UtcDateTime, profile, memberships,
            leaves.Select(l => OwnLeave(l, membershipOf[l.MembershipId].Export, membershipOf[l.MembershipId].TimeZone, clock)).ToList(),
            balances, history, sessions, apiTokens));
    }

    /// <summary>A leave of the person's as they see it: what they may do with it now (nothing in a company they left).</summary>
    private static LeaveResponse OwnLeave(Leave leave, ExportMembership membership, string timeZone, TimeProvider clock)
    {
        var owner = new LeaveActor(Guid.Empty, membership.Id, Membership.IsManagerRole(membership.Role));
        var response = LeaveResponse.From(leave, owner, membership.Active, CompanyClock.Today(timeZone, clock));
        return membership.Active ? response : response with { AllowedActions = [] };
    }

    /// <summary>
    /// GDPR erasure: the person disappears (name, e-mail, password, sessions, tokens, invitations, the free text of their
    /// leaves and balance history, and every mail to or about them), their pending requests are canceled and refunded,
    /// and the company's records stay: leaves and balance history remain, attached to an anonymous user.
    /// </summary>
    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteMe(
        [FromBody] DeleteMeRequest request, ArkoaDbContext db, PasswordVerifier passwords, SessionIssuer sessions,
        SessionRevocations revocations, BalanceLedger ledger, TimeProvider clock, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        var check = await passwords.CheckAsync(user, request.Password!, cancellationToken);
        if (check.RetryAfter is { } delayedFor) return AuthEndpoints.TooManyFailures(context, delayedFor);
        if (!check.Succeeded) return Problems.Field("password", ProblemCodes.WrongPassword, "The password is wrong.");
        await db.SaveChangesAsync(cancellationToken); // an upgraded hash, even if the erasure is refused below

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

            await EraseAsync(db, ledger, userId, membershipIds, clock.GetUtcNow().UtcDateTime, ct);
            return null;
        }, cancellationToken);
        if (lastAdminOf is not null)
        {
            return Problems.Conflict(ProblemCodes.LastAdminOfCompany, $"You are the last admin of {lastAdminOf}: make someone else admin or delete the company first.",
                new Dictionary<string, object?> { ["company"] = lastAdminOf });
        }

        await revocations.RevokeAsync(userId);
        sessions.ClearCookie(context);
        return TypedResults.NoContent();
    }

    /// <summary>Runs in the caller's transaction, with the person's memberships locked.</summary>
    private static async Task EraseAsync(
        ArkoaDbContext db, BalanceLedger ledger, Guid userId, List<Guid> membershipIds, DateTime now, CancellationToken ct)
    {
        var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
        var formerEmail = user.Email;

        // A request nobody will take any more: canceled with its days refunded, as the person would have done.
        var pending = await db.Leaves.Where(l => membershipIds.Contains(l.MembershipId) && l.Status == LeaveStatus.PENDING).ToListAsync(ct);
        foreach (var leave in pending)
        {
            var owner = new LeaveActor(userId, leave.MembershipId, IsManager: false); // the day matters only for APPROVED leaves
            leave.Cancel(owner, version: null, today: DateOnly.MinValue, now, why: "Canceled when the account was erased", BalanceChangeCause.LEAVE_CANCELED_ON_ERASURE);
            await ledger.ApplyAsync(db, leave, userId, ct);
        }
        await db.SaveChangesAsync(ct);

        user.Name = ErasedName;
        // Unique like any address, and in the reserved .invalid domain, so no mail can ever reach anyone.
        user.Email = $"erased-{userId:N}@erased.invalid";
        user.EmailVerified = false;
        user.PendingEmail = null;
        user.Image = null;
        user.PasswordHash = ""; // matches no password: the account can never sign in again
        user.CalendarToken = null;
        user.ActiveMembershipId = null;

        // Deactivated memberships keep their leaves and history but give no access and leave the stats.
        await db.Memberships.Where(m => m.UserId == userId)
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.Active, false), ct);
        // Free text about the person goes; dates, types, days and statuses stay for the company's records. Deleted
        // leaves too: they are hidden, not gone. A history row is never changed otherwise: clearing its reason (and
        // nothing else) is the one update its rules allow.
        await db.Leaves.IgnoreQueryFilters().Where(l => membershipIds.Contains(l.MembershipId))
            .ExecuteUpdateAsync(u => u.SetProperty(l => l.Reason, (string?)null).SetProperty(l => l.ManagerNote, (string?)null)
                .SetProperty(l => l.CancelRequestReason, (string?)null), ct);
        await db.LeaveBalanceHistory.Where(h => membershipIds.Contains(h.LeaveBalance!.MembershipId) && h.Reason != null)
            .ExecuteUpdateAsync(u => u.SetProperty(h => h.Reason, (string?)null), ct);
        // The status history's notes copy the reasons and the managers' notes about those leaves.
        await db.LeaveStatusChanges.Where(c => db.Leaves.IgnoreQueryFilters().Any(l => l.Id == c.LeaveId && membershipIds.Contains(l.MembershipId)) && c.Note != null)
            .ExecuteUpdateAsync(u => u.SetProperty(c => c.Note, (string?)null), ct);
        await db.Sessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);
        await db.ApiTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        // What identity providers said of the person (names, their id there); SCIM then sees the member as erased.
        await db.ScimUsers.Where(s => membershipIds.Contains(s.MembershipId)).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => t.UserId == userId).ExecuteDeleteAsync(ct);
        await db.Invitations.Where(i => i.Email == formerEmail).ExecuteDeleteAsync(ct);
        // Every mail that names the person, whether sent, waiting or dead-lettered: those to them (address and name), and
        // those about their leaves (name, dates and leave type, which can tell of their health) to managers, digests
        // included. A digest also listing others' requests goes too: those are listed again the next day while pending.
        var memberships = membershipIds.Select(id => id.ToString()).ToArray();
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM outbox_messages
            WHERE payload->>'to' = {formerEmail}
               OR payload->>'membershipId' = ANY({memberships})
               OR EXISTS (SELECT FROM jsonb_array_elements(CASE jsonb_typeof(payload->'leaves') WHEN 'array' THEN payload->'leaves' END) AS listed
                          WHERE listed->>'membershipId' = ANY({memberships}))
            """, ct);
        // Likewise every webhook event about them (name, address, leaves), delivered or not: receivers never get it.
        // A delivered event's body is cleared to '' (not JSON): CASE, not AND, guarantees it is never cast.
        await db.Database.ExecuteSqlAsync($"""
            DELETE FROM webhook_deliveries
            WHERE CASE WHEN body = '' THEN false ELSE (body::jsonb)->'data'->>'membershipId' = ANY({memberships}) END
            """, ct);
        await db.SaveChangesAsync(ct);
    }

    private static async Task<Results<Ok<UserResponse>, ProblemHttpResult>> SetActiveMembership(
        SetActiveMembershipRequest request, ArkoaDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        // Someone else's membership looks exactly like one that does not exist.
        var membership = await db.Memberships.AsNoTracking()
            .SingleOrDefaultAsync(m => m.Id == request.MembershipId && m.UserId == userId, cancellationToken);
        if (membership is null) return Problems.NotFound(ProblemCodes.MembershipNotFound, "The membership");
        if (!membership.Active) return Problems.Forbidden(ProblemCodes.MembershipDeactivated, "This membership is deactivated.");

        var user = await db.Users.SingleAsync(u => u.Id == userId, cancellationToken);
        user.ActiveMembershipId = membership.Id;
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(AuthEndpoints.ToResponse(user));
    }

    private static async Task<Results<Ok<CompanyRoleResponse>, ValidationProblem, ProblemHttpResult>> CompanyRole(
        [FromQuery] string? companyId, ArkoaDbContext db, HttpContext context, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(companyId, out var id)) return Problems.Field("companyId", ProblemCodes.Required, "Give the company's id.");
        var caller = await db.CallerMembershipAsync(id, context.User.UserId(), cancellationToken);
        if (caller is null) return Problems.Forbidden();
        return TypedResults.Ok(new CompanyRoleResponse(caller.Role));
    }
}
