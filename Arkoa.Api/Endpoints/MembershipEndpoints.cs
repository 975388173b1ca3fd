using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;
using Arkoa.Core.Teams;
using Arkoa.Core.Outbox;
using Arkoa.Core.Security;
using Arkoa.Core.Text;
using Arkoa.Core.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/memberships: who belongs to a company and with which role. Nobody is enrolled by adding
/// them: they are invited and join by accepting (InvitationEndpoints).
/// The rules (MembershipRules): managers manage EMPLOYEE memberships; only an ADMIN changes roles or touches a MANAGER's
/// or ADMIN's membership; nobody changes their own. Every change runs under the company lock, so "one active admin
/// remains" holds under concurrency.
/// </summary>
public static class MembershipEndpoints
{
    public static RouteGroupBuilder MapMembershipEndpoints(this RouteGroupBuilder api)
    {
        var members = api.MapGroup("/companies/{companyId:guid}/memberships").WithTags("Members")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        members.MapGet("/", List).WithName("ListMemberships")
            .WithSummary("The company's members by name, or sorted by email, role or joined; filtered by role, active and words in the name or address (q): every membership for managers, active colleagues' names and roles for others, searched by name only (any member).")
            .ProducesValidationProblem();
        members.MapPost("/", Add).WithName("InviteMember")
            .WithSummary("Mails an invitation to join with a role, replacing an open one to the same address (manager; a manager or admin role: admin).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        members.MapGet("/{membershipId:guid}", Get).WithName("GetMembership")
            .WithSummary("One membership (the member themself, or a manager).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        members.MapPatch("/{membershipId:guid}", Update).WithName("UpdateMembership")
            .WithSummary("Changes a membership's role or active state; one active admin always remains (manager; roles and managers: admin).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        // The original Arkoa's verb, kept for its clients.
        members.MapPost("/{membershipId:guid}", Update).WithName("UpdateMembershipByPost")
            .WithSummary("The same as PATCH, kept for the original Arkoa's clients (manager; roles and managers: admin).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        members.MapDelete("/{membershipId:guid}", Remove).WithName("DeactivateMembership")
            .WithSummary("Deactivates a membership, keeping its leaves and history; one active admin always remains (manager; managers: admin).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static IQueryable<MembershipResponse> Responses(IQueryable<Membership> memberships) =>
        memberships.Select(m => new MembershipResponse(m.Id, m.UserId, m.User!.Name, m.User.Email, m.Role, m.Active, m.JoinedOn, m.CreatedAt));

    private static MembershipResponse ToResponse(Membership m, User u) =>
        new(m.Id, u.Id, u.Name, u.Email, m.Role, m.Active, m.JoinedOn, m.CreatedAt);

    /// <summary>The membership with what <paramref name="caller"/> may do with it, from the company's count of active admins.</summary>
    private static MembershipResponse WithAllowedActions(MembershipResponse response, Membership caller, int activeAdmins)
    {
        var target = new MembershipState(response.Id, response.Role, response.Active);
        var allowed = MembershipRules.AllowedActions(MembershipState.Of(caller), target, AdminRule.IsLastActiveAdmin(target, activeAdmins));
        return response with { AllowedActions = allowed.Select(a => a.WireName()).ToList() };
    }

    /// <summary>The columns the member list sorts on (?sort=); by name by default.</summary>
    private static readonly string[] SortKeys = ["name", "email", "role", "joined"];

    private static async Task<Results<Ok<PagedList<MembershipResponse>>, Ok<PagedList<TeamMemberResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid companyId, [AsParameters] MemberFilterQuery filter, [AsParameters] SearchQuery search, [AsParameters] SortQuery sortQuery,
        [AsParameters] PageQuery page, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var errors = page.Errors();
        var (role, active) = filter.Parse(errors);
        var words = search.Pattern(errors);
        var sort = sortQuery.Parse(SortKeys, errors);
        if (errors.Count > 0) return Problems.Fields(errors);
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null) return Problems.Forbidden();

        var all = db.Memberships.AsNoTracking().Where(m => m.CompanyId == companyId);
        if (role is { } r) all = all.Where(m => m.Role == r);
        if (caller.IsManager)
        {
            if (active is { } a) all = all.Where(m => m.Active == a);
            if (words is not null)
            {
                // Accents and case ignored on both sides, as in the leaves' search (SqlFunctions.Unaccent).
                all = all.Where(m => EF.Functions.ILike(SqlFunctions.Unaccent(m.User!.Name), SqlFunctions.Unaccent(words), SearchPattern.Escape)
                    || EF.Functions.ILike(SqlFunctions.Unaccent(m.User.Email), SqlFunctions.Unaccent(words), SearchPattern.Escape));
            }
            var total = await all.CountAsync(cancellationToken);
            var items = await Responses(Sorted(all, sort, byEmail: true).Skip(page.Skip).Take(page.Size)).ToListAsync(cancellationToken);
            var activeAdmins = await db.ActiveAdminCountAsync(companyId, cancellationToken);
            var allowed = items.Select(m => WithAllowedActions(m, caller, activeAdmins)).ToList();
            return TypedResults.Ok(new PagedList<MembershipResponse>(allowed, total, page.Number, page.Size));
        }

        // Employees see the team: active colleagues' names and roles, nothing more (so neither searched nor sorted by address).
        var team = all.Where(m => m.Active);
        if (words is not null) team = team.Where(m => EF.Functions.ILike(SqlFunctions.Unaccent(m.User!.Name), SqlFunctions.Unaccent(words), SearchPattern.Escape));
        var teamTotal = await team.CountAsync(cancellationToken);
        var teamItems = await Sorted(team, sort, byEmail: false).Skip(page.Skip).Take(page.Size)
            .Select(m => new TeamMemberResponse(m.Id, m.User!.Name, m.Role)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<TeamMemberResponse>(teamItems, teamTotal, page.Number, page.Size));
    }

    private static IOrderedQueryable<Membership> Sorted(IQueryable<Membership> members, ListSort? sort, bool byEmail)
    {
        var descending = sort?.Descending == true;
        var sorted = sort?.Key switch
        {
            "email" when byEmail => members.OrderBy(m => m.User!.Email, descending),
            "role" => members.OrderBy(m => m.Role, descending).ThenBy(m => m.User!.Name),
            "joined" => members.OrderBy(m => m.JoinedOn, descending).ThenBy(m => m.User!.Name),
            _ => members.OrderBy(m => m.User!.Name, descending),
        };
        return sorted.ThenBy(m => m.Id);
    }

    private static async Task<Results<Ok<MembershipResponse>, ProblemHttpResult>> Get(
        Guid companyId, Guid membershipId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || !caller.MayActFor(membershipId)) return Problems.Forbidden();
        var membership = await Responses(db.Memberships.AsNoTracking().Where(m => m.Id == membershipId && m.CompanyId == companyId))
            .SingleOrDefaultAsync(cancellationToken);
        if (membership is null) return Problems.NotFound(ProblemCodes.MembershipNotFound, "The membership");
        return TypedResults.Ok(WithAllowedActions(membership, caller, await db.ActiveAdminCountAsync(companyId, cancellationToken)));
    }

    /// <summary>
    /// Adding a member always invites (issue 13): a fresh 7-day link mailed to the address, which its owner accepts
    /// once signed in with that address verified. The answer is the same 202 whether or not the address has an
    /// account, so it tells nobody who uses Arkoa; only an address already in the company is a 409 (managers see the
    /// member list anyway). A company has at most one open invitation per address: inviting again replaces it (its
    /// link stops working), unless it gives a role the caller could not give.
    /// </summary>
    private static async Task<Results<Accepted<InvitationSentResponse>, ValidationProblem, ProblemHttpResult>> Add(
        Guid companyId, AddMemberRequest request, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        var role = request.Role!.Value;
        var email = EmailAddress.Normalize(request.Email!);

        return await db.InTransactionAsync<Results<Accepted<InvitationSentResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var caller = await db.CallerMembershipAsync(companyId, userId, ct);
            if (caller is null || !caller.IsManager) return Problems.Forbidden(ProblemCodes.ManagerOnlyAddMembers, "Only a manager can add members.");
            if (!RoleGrant.MayGrant(caller.Role, role)) return Problems.Forbidden(ProblemCodes.AdminOnlyAddPrivileged, "Only an admin can add a manager or an admin.");
            var inviter = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, ct);
            if (!inviter.EmailVerified) return VerifiedAccount.NotVerified();

            var memberActive = await db.Memberships.AsNoTracking().Where(m => m.CompanyId == companyId && m.User!.Email == email)
                .Select(m => (bool?)m.Active).SingleOrDefaultAsync(ct);
            if (memberActive is { } active)
            {
                return active
                    ? Problems.Conflict(ProblemCodes.AlreadyMember, "This person is already a member of the company.")
                    : Problems.Conflict(ProblemCodes.AlreadyMemberDeactivated,
                        "This person is already a member of the company (deactivated): reactivate the membership instead.");
            }

            var now = clock.GetUtcNow().UtcDateTime;
            var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.CompanyId == companyId && i.Email == email && i.AcceptedAt == null, ct);
            if (invitation is not null && invitation.ExpiresAt > now && !RoleGrant.MayGrant(caller.Role, invitation.Role))
            {
                return Problems.Forbidden(ProblemCodes.PrivilegedInvitationOpen, "This address has an open invitation as a manager or an admin: only an admin can replace it.");
            }
            if (await db.TryRecordAsync(companyId, email, now, ct) is { } limit)
            {
                return limit.Limit == InvitationLimit.Company
                    ? Problems.TooManyRequests(context, limit.RetryAfter, ProblemCodes.TooManyCompanyInvitations,
                        $"This company sent {InvitationLimits.PerCompany.Max} invitations in the last 24 hours: try again later.",
                        new Dictionary<string, object?> { ["max"] = InvitationLimits.PerCompany.Max })
                    : Problems.TooManyRequests(context, limit.RetryAfter, ProblemCodes.TooManyAddressInvitations,
                        $"This address was sent {InvitationLimits.PerRecipient.Max} invitations in the last 24 hours: try again later.",
                        new Dictionary<string, object?> { ["max"] = InvitationLimits.PerRecipient.Max });
            }

            var token = SecureToken.Create();
            var expiresAt = now + Invitation.Lifetime;
            expiresAt = expiresAt.AddTicks(-(expiresAt.Ticks % 10)); // Postgres keeps microseconds: answer what it will store
            var resent = invitation is not null;
            if (invitation is null)
            {
                invitation = new Invitation { CompanyId = companyId, Email = email, TokenHash = "" };
                db.Invitations.Add(invitation);
            }
            else
            {
                // The earlier mail's link stops working; remembered, it can still say a newer one was sent.
                db.ReplacedInvitationTokens.Add(new ReplacedInvitationToken { InvitationId = invitation.Id, TokenHash = invitation.TokenHash });
            }
            invitation.Role = role;
            invitation.TokenHash = SecureToken.Hash(token);
            invitation.ExpiresAt = expiresAt;
            invitation.InvitedById = inviter.Id;

            // In the invited person's language if they have an account (the same query either way), else the inviter's.
            var language = await db.Users.Where(u => u.Email == email).Select(u => u.Language).SingleOrDefaultAsync(ct) ?? inviter.Language;
            var company = await CompanyForEnrolment.LoadAsync(db, companyId, ct);
            db.OutboxMessages.Add(OutboxMessageFactory.Create(OutboxKinds.InvitationCreated,
                new InvitationCreatedPayload(email, company.Name, role.ToString(), inviter.Name, token, expiresAt, language, company.TimeZone)));
            await db.SaveChangesAsync(ct);
            return TypedResults.Accepted((string?)null,
                new InvitationSentResponse(invitation.Id, invitation.Email, invitation.Role, invitation.ExpiresAt, invitation.CreatedAt, resent));
        }, cancellationToken);
    }

    private static async Task<Results<Ok<MembershipResponse>, ValidationProblem, ProblemHttpResult>> Update(
        Guid companyId, Guid membershipId, UpdateMembershipRequest request, HttpContext context, ArkoaDbContext db,
        WebhookOutbox webhooks, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        return await db.InTransactionAsync<Results<Ok<MembershipResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var (change, refusal) = await LoadChangeAsync(db, companyId, membershipId, userId, MembershipErrors.ManagerOnlyChange, ct);
            if (change is not var (caller, target)) return refusal!;

            var newRole = request.Role ?? target.Role;
            var newActive = request.Active ?? target.Active;
            var isLastAdmin = await db.IsLastActiveAdminAsync(target, ct);
            if (MembershipRules.CheckUpdate(MembershipState.Of(caller), MembershipState.Of(target), newRole, newActive, isLastAdmin) is { } error)
            {
                return error.ToProblem();
            }

            var roleChanged = target.Role != newRole;
            var activeChanged = target.Active != newActive;
            target.Role = newRole;
            target.Active = newActive;
            if (roleChanged) await db.FollowRoleAsync(target, ct);
            if (!newActive) await MoveActiveMembershipAwayAsync(db, target, ct);
            if (activeChanged) await webhooks.MemberAsync(target, newActive ? WebhookEventTypes.MemberJoined : WebhookEventTypes.MemberLeft, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(WithAllowedActions(ToResponse(target, target.User!), caller, await db.ActiveAdminCountAsync(companyId, ct)));
        }, cancellationToken);
    }

    /// <summary>
    /// DELETE deactivates: a membership is never deleted, so the person's leaves and balance history stay with the company
    /// (SPEC §2: history is append-only). The rules are those of deactivating; removing a deactivated member changes nothing.
    /// </summary>
    private static async Task<Results<NoContent, ProblemHttpResult>> Remove(
        Guid companyId, Guid membershipId, HttpContext context, ArkoaDbContext db, WebhookOutbox webhooks, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        return await db.InTransactionAsync<Results<NoContent, ProblemHttpResult>>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var (change, refusal) = await LoadChangeAsync(db, companyId, membershipId, userId, MembershipErrors.ManagerOnlyRemove, ct);
            if (change is not var (caller, target)) return refusal!;
            var isLastAdmin = await db.IsLastActiveAdminAsync(target, ct);
            if (MembershipRules.CheckRemove(MembershipState.Of(caller), MembershipState.Of(target), isLastAdmin) is { } error) return error.ToProblem();

            var wasActive = target.Active;
            target.Active = false;
            await MoveActiveMembershipAwayAsync(db, target, ct);
            if (wasActive) await webhooks.MemberAsync(target, WebhookEventTypes.MemberLeft, ct);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }, cancellationToken);
    }

    /// <summary>
    /// The caller and the membership a change is about (tracked, with its user), or the refusal: someone who is not a
    /// manager is refused before learning whether the membership exists; a membership of another company is not found.
    /// </summary>
    private static async Task<(MembershipChange? Change, ProblemHttpResult? Refusal)> LoadChangeAsync(
        ArkoaDbContext db, Guid companyId, Guid membershipId, Guid userId, DomainError notManager, CancellationToken ct)
    {
        var caller = await db.CallerMembershipAsync(companyId, userId, ct);
        if (caller is null || !caller.IsManager) return (null, notManager.ToProblem());
        var target = await db.Memberships.Include(m => m.User).SingleOrDefaultAsync(m => m.Id == membershipId && m.CompanyId == companyId, ct);
        if (target?.User is null) return (null, Problems.NotFound(ProblemCodes.MembershipNotFound, "The membership"));
        return (new MembershipChange(caller, target), null);
    }

    /// <summary>Who changes a membership, and the membership (tracked, its user loaded).</summary>
    private sealed record MembershipChange(Membership Caller, Membership Target);

    /// <summary>A user whose shown company was this membership switches to another active one, if any.</summary>
    internal static async Task MoveActiveMembershipAwayAsync(ArkoaDbContext db, Membership leaving, CancellationToken ct)
    {
        var user = leaving.User!;
        if (user.ActiveMembershipId != leaving.Id) return;
        user.ActiveMembershipId = await db.Memberships
            .Where(m => m.UserId == user.Id && m.Id != leaving.Id && m.Active)
            .OrderBy(m => m.JoinedOn).ThenBy(m => m.Id)
            .Select(m => (Guid?)m.Id).FirstOrDefaultAsync(ct);
    }
}
