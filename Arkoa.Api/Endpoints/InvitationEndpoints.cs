using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/invitations/{token}: what the mailed 7-day link opens (read without a session, accepted by the invited
/// person once signed in with that address verified), and /api/companies/{companyId}/invitations: the open
/// invitations managers sent.
/// </summary>
public static class InvitationEndpoints
{
    private const int MaxTokenLength = 200;

    public static RouteGroupBuilder MapInvitationEndpoints(this RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/invitations").WithTags("Invitations");
        invitations.MapGet("/{token}", Preview).WithName("PreviewInvitation").AllowAnonymous()
            .WithSummary("The company, role and inviter of an open invitation (anyone holding the mailed link); 410 says why a link no longer opens it (accepted, sent again, expired).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);
        invitations.MapPost("/{token}/accept", Accept).WithName("AcceptInvitation")
            .WithSummary("Joins the company with the invitation's role (the invited person, signed in with that address confirmed).")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status410Gone);

        var sent = api.MapGroup("/companies/{companyId:guid}/invitations").WithTags("Invitations")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        sent.MapGet("/", List).WithName("ListInvitations")
            .WithSummary("The company's open invitations, by address (manager).")
            .ProducesValidationProblem();
        sent.MapDelete("/{invitationId:guid}", Revoke).WithName("RevokeInvitation")
            .WithSummary("Withdraws an open invitation, so its link stops working; a manager's or admin's only by an admin (manager).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<InvitationPreviewResponse>, ProblemHttpResult>> Preview(
        string token, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (token.Length > MaxTokenLength) return Unknown();
        var link = await InvitationByLink.FindAsync(db, SecureToken.Hash(token), cancellationToken);
        if (link is null) return Unknown();
        var names = await NamesAsync(db, link.Invitation, cancellationToken);
        var invitation = link.Invitation;
        if (InvitationLink.Check(invitation, link.Replaced, names.Company, names.InvitedBy, clock.GetUtcNow().UtcDateTime) is { } closed)
        {
            return closed.ToProblem();
        }
        return TypedResults.Ok(new InvitationPreviewResponse(
            names.Company, invitation.Email, invitation.Role, invitation.ExpiresAt, names.InvitedBy, names.TimeZone));
    }

    private static async Task<Results<Created<MembershipResponse>, ProblemHttpResult>> Accept(
        string token, HttpContext context, ArkoaDbContext db, MemberEnrolment enrolment, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (token.Length > MaxTokenLength) return Unknown();
        var hash = SecureToken.Hash(token);
        var userId = context.User.UserId();
        var companyId = (await InvitationByLink.FindAsync(db, hash, cancellationToken))?.Invitation.CompanyId;
        if (companyId is null) return Unknown();

        try
        {
            return await db.InTransactionAsync<Results<Created<MembershipResponse>, ProblemHttpResult>>(async ct =>
            {
                // Invitations are only written under their company's lock: read again under it, the state is settled.
                await db.LockCompanyAsync(companyId.Value, ct);
                var link = await InvitationByLink.FindAsync(db, hash, ct, tracked: true);
                if (link is null) return Unknown();
                var invitation = link.Invitation;
                // A member following their own (or any) link of this company is simply told they are in.
                if (await db.Memberships.AnyAsync(m => m.UserId == userId && m.CompanyId == invitation.CompanyId, ct))
                {
                    return AlreadyMember();
                }
                var names = await NamesAsync(db, invitation, ct);
                var now = clock.GetUtcNow().UtcDateTime;
                if (InvitationLink.Check(invitation, link.Replaced, names.Company, names.InvitedBy, now) is { } closed) return closed.ToProblem();

                var user = await db.Users.SingleAsync(u => u.Id == userId, ct);
                if (!string.Equals(user.Email, invitation.Email, StringComparison.OrdinalIgnoreCase))
                {
                    return Problems.Forbidden(ProblemCodes.InvitationOtherAddress, "This invitation was sent to another e-mail address: sign in with that one to accept it.");
                }
                // Holding an account with the address proves nothing until the address itself is proven.
                if (!user.EmailVerified) return VerifiedAccount.NotVerified();

                var company = await CompanyForEnrolment.LoadAsync(db, invitation.CompanyId, ct);
                var membership = await enrolment.EnrolAsync(company, userId, invitation.Role, ct);
                invitation.AcceptedAt = now;
                user.ActiveMembershipId ??= membership.Id;
                await db.SaveChangesAsync(ct);
                return TypedResults.Created($"/api/companies/{company.Id}/memberships/{membership.Id}",
                    new MembershipResponse(membership.Id, user.Id, user.Name, user.Email, membership.Role, membership.Active,
                        membership.JoinedOn, membership.CreatedAt));
            }, cancellationToken);
        }
        catch (DbUpdateException e) when (e.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            return AlreadyMember(); // the same user joined the company by another way at the same instant
        }
    }

    private static async Task<Results<Ok<PagedList<InvitationResponse>>, ValidationProblem, ProblemHttpResult>> List(
        Guid companyId, [AsParameters] PageQuery page, HttpContext context, ArkoaDbContext db, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (page.Errors() is { Count: > 0 } errors) return Problems.Fields(errors);
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || !caller.IsManager) return Problems.Forbidden(ProblemCodes.ManagerOnlyInvitations, "Only a manager can see invitations.");

        var now = clock.GetUtcNow().UtcDateTime;
        var open = db.Invitations.AsNoTracking().Where(i => i.CompanyId == companyId && i.AcceptedAt == null && i.ExpiresAt > now);
        var total = await open.CountAsync(cancellationToken);
        var items = await open.OrderBy(i => i.Email).ThenBy(i => i.Id).Skip(page.Skip).Take(page.Size)
            .Select(i => new InvitationResponse(i.Id, i.Email, i.Role, i.ExpiresAt, i.CreatedAt)).ToListAsync(cancellationToken);
        return TypedResults.Ok(new PagedList<InvitationResponse>(items, total, page.Number, page.Size));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Revoke(
        Guid companyId, Guid invitationId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var userId = context.User.UserId();
        return await db.InTransactionAsync<Results<NoContent, ProblemHttpResult>>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct);
            var caller = await db.CallerMembershipAsync(companyId, userId, ct);
            if (caller is null || !caller.IsManager) return Problems.Forbidden(ProblemCodes.ManagerOnlyRevokeInvitations, "Only a manager can revoke invitations.");
            var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.CompanyId == companyId && i.AcceptedAt == null, ct);
            if (invitation is null) return Problems.NotFound(ProblemCodes.InvitationNotFound, "The invitation");
            if (!RoleGrant.MayGrant(caller.Role, invitation.Role))
            {
                return Problems.Forbidden(ProblemCodes.AdminOnlyRevokePrivileged, "Only an admin can revoke the invitation of a manager or an admin.");
            }
            db.Invitations.Remove(invitation);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }, cancellationToken);
    }

    private sealed record InvitationNames(string Company, string TimeZone, string InvitedBy);

    /// <summary>Who invited to which company: the words a link's page and its refusals give.</summary>
    private static Task<InvitationNames> NamesAsync(ArkoaDbContext db, Invitation invitation, CancellationToken cancellationToken) =>
        db.Companies.AsNoTracking().Where(c => c.Id == invitation.CompanyId)
            .Select(c => new InvitationNames(c.Name, c.TimeZone, db.Users.Where(u => u.Id == invitation.InvitedById).Select(u => u.Name).Single()))
            .SingleAsync(cancellationToken);

    private static ProblemHttpResult Unknown() => Problems.NotFound(ProblemCodes.InvitationNotFound, "The invitation (unknown or withdrawn)");

    private static ProblemHttpResult AlreadyMember() => Problems.Conflict(ProblemCodes.YouAreAlreadyMember, "You are already a member of this company.");
}
