using Arkoa.Api.Auth;
using Arkoa.Api.Endpoints;
using Arkoa.Api.Http;
using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Memberships;
using Arkoa.Core.Scim;
using Arkoa.Core.Security;
using Arkoa.Core.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Scim;

/// <summary>
/// Applies a SCIM user change to a membership and its account, within <see cref="ScimUserRules"/>: creating an account
/// without a usable password (the person proves the address with the mailed link before anything grants access),
/// linking an existing account rather than duplicating it, enrolling as an EMPLOYEE (roles stay managed in Arkoa),
/// deactivating and reactivating with the member.left/member.joined webhooks, and a log line without personal data.
/// </summary>
public sealed class ScimUserProvisioning(
    ArkoaDbContext db, MemberEnrolment enrolment, WebhookOutbox webhooks, IPasswordHasher<User> hasher,
    PasswordResetIssuer resets, ILogger<ScimUserProvisioning> logger)
{
    /// <summary>The outcome of a create: the member, or the refusal; <see cref="SecuredUserId"/> when an unproven account's sessions must end.</summary>
    public sealed record Created(ScimUserRow? Row, ScimError? Error, Guid? SecuredUserId);

    /// <summary>POST /Users, under the company lock: a new member, or 409 for one that is already a member.</summary>
    public async Task<Created> CreateAsync(Guid companyId, ScimUserChange change, CancellationToken ct)
    {
        var email = EmailAddress.Normalize(change.UserName!);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Email == email, ct);
        var membership = user is null ? null
            : await db.Memberships.Include(m => m.User).SingleOrDefaultAsync(m => m.UserId == user.Id && m.CompanyId == companyId, ct);
        var scim = membership is null ? null : await db.ScimUsers.SingleOrDefaultAsync(s => s.MembershipId == membership.Id, ct);
        if (membership is not null && scim is not { Deleted: true })
        {
            return new(null, ScimError.Uniqueness("A member of this company already has this userName: find it with filter=userName eq \"…\"."), null);
        }

        var mailLink = false;
        Guid? secured = null;
        if (user is null)
        {
            // No usable password: the person chooses one through the mailed link, which proves the address.
            user = new User { Name = ScimUserChange.FullName(change.GivenName, change.FamilyName, change.DisplayName, change.Formatted) ?? email, Email = email, PasswordHash = "" };
            user.PasswordHash = hasher.HashPassword(user, SecureToken.Create());
            db.Users.Add(user);
            await db.SaveChangesAsync(ct); // the member.joined event reads the account
            mailLink = true;
        }
        else if (!user.EmailVerified)
        {
            // Whoever signed up with this address never proved it: they lose the account until the owner of the address does.
            await UnprovenAccount.SecureAsync(db, hasher, user, ct);
            mailLink = true;
            secured = user.Id;
        }

        if (membership is null)
        {
            var company = await CompanyForEnrolment.LoadAsync(db, companyId, ct);
            membership = await enrolment.EnrolAsync(company, user.Id, UserRole.EMPLOYEE, ct);
            membership.User = user;
            user.ActiveMembershipId ??= membership.Id;
            scim = new ScimUser { MembershipId = membership.Id, CompanyId = companyId };
            db.ScimUsers.Add(scim);
            logger.LogInformation("SCIM created membership {MembershipId} in company {CompanyId}", membership.Id, companyId);
        }
        else
        {
            // The provider deleted this member and creates them again: the same membership comes back, with its history.
            scim!.Deleted = false;
            change.Active ??= true;
            logger.LogInformation("SCIM restored membership {MembershipId} in company {CompanyId}", membership.Id, companyId);
        }

        if (await ApplyAsync(membership, scim!, change, replace: true, ct) is { } error) return new(null, error, null);
        await db.SaveChangesAsync(ct);
        if (mailLink) await resets.IssueAsync(email, ct);
        return new(ScimUserResources.Row(membership, user, scim), null, secured);
    }

    /// <summary>The membership (tracked, with its account) and its SCIM row (created if the member came another way), or null when not found or deleted.</summary>
    public async Task<(Membership Membership, ScimUser Scim)?> LoadAsync(Guid companyId, Guid id, CancellationToken ct)
    {
        var membership = await db.Memberships.Include(m => m.User).SingleOrDefaultAsync(m => m.Id == id && m.CompanyId == companyId, ct);
        if (membership?.User is null) return null;
        var scim = await db.ScimUsers.SingleOrDefaultAsync(s => s.MembershipId == id, ct);
        if (scim is { Deleted: true }) return null;
        if (scim is null)
        {
            scim = new ScimUser { MembershipId = id, CompanyId = companyId };
            db.ScimUsers.Add(scim);
        }
        return (membership, scim);
    }

    /// <summary>
    /// Applies <paramref name="change"/> (a PUT's whole resource when <paramref name="replace"/>, else a PATCH's operations)
    /// to a loaded member; the caller saves. Returns the refusal, in which case nothing is saved.
    /// </summary>
    public async Task<ScimError?> ApplyAsync(Membership membership, ScimUser scim, ScimUserChange change, bool replace, CancellationToken ct)
    {
        var user = membership.User!;
        if (ScimUserRules.CheckSameAddress(change.UserName, user.Email) is { } addressError) return addressError;

        scim.GivenName = replace || change.GivenNameSet ? change.GivenName : scim.GivenName;
        scim.FamilyName = replace || change.FamilyNameSet ? change.FamilyName : scim.FamilyName;
        if (replace || change.ExternalIdSet) scim.ExternalId = change.ExternalId;
        if (change.TouchesName)
        {
            var otherCompanies = await db.Memberships.CountAsync(m => m.UserId == user.Id && m.CompanyId != membership.CompanyId, ct);
            if (ScimUserRules.MayRename(otherCompanies)
                && ScimUserChange.FullName(scim.GivenName, scim.FamilyName, change.DisplayName, change.Formatted) is { } name)
            {
                user.Name = name;
            }
        }

        if (change.Active is { } active && active != membership.Active)
        {
            if (active) await ReactivateAsync(membership, ct);
            else if (!await DeactivateAsync(membership, ct)) return ScimUserRules.CheckActive(false, isLastActiveAdmin: true);
        }
        return null;
    }

    /// <summary>DELETE: deactivates the membership (its leaves and history stay) and hides it from SCIM from then on.</summary>
    public async Task<ScimError?> DeleteAsync(Membership membership, ScimUser scim, CancellationToken ct)
    {
        if (membership.Active && !await DeactivateAsync(membership, ct)) return ScimUserRules.CheckActive(false, isLastActiveAdmin: true);
        scim.Deleted = true;
        logger.LogInformation("SCIM deleted membership {MembershipId} in company {CompanyId}", membership.Id, membership.CompanyId);
        return null;
    }

    /// <summary>False, changing nothing, when the member is the company's last active admin.</summary>
    private async Task<bool> DeactivateAsync(Membership membership, CancellationToken ct)
    {
        if (ScimUserRules.CheckActive(false, await db.IsLastActiveAdminAsync(membership, ct)) is not null) return false;
        membership.Active = false;
        await MembershipEndpoints.MoveActiveMembershipAwayAsync(db, membership, ct);
        await webhooks.MemberAsync(membership, WebhookEventTypes.MemberLeft, ct);
        logger.LogInformation("SCIM deactivated membership {MembershipId} in company {CompanyId}", membership.Id, membership.CompanyId);
        return true;
    }

    private async Task ReactivateAsync(Membership membership, CancellationToken ct)
    {
        membership.Active = true;
        membership.User!.ActiveMembershipId ??= membership.Id;
        await webhooks.MemberAsync(membership, WebhookEventTypes.MemberJoined, ct);
        logger.LogInformation("SCIM reactivated membership {MembershipId} in company {CompanyId}", membership.Id, membership.CompanyId);
    }
}
