using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Approvals;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// A member's approver set by an admin (SPEC §11): wherever a step asks for the member's team managers, this person
/// approves instead. GET /member-approvers lists them; PUT and DELETE /memberships/{membershipId}/approver set and clear one.
/// </summary>
public static class MemberApproverEndpoints
{
    public static RouteGroupBuilder MapMemberApproverEndpoints(this RouteGroupBuilder api)
    {
        var company = api.MapGroup("/companies/{companyId:guid}").WithTags("Approvals").ProducesProblem(StatusCodes.Status403Forbidden);
        company.MapGet("/member-approvers", List).WithName("ListMemberApprovers")
            .WithSummary("Every member whose approver an admin set, with that approver (manager).");
        company.MapPut("/memberships/{membershipId:guid}/approver", Put).WithName("PutMemberApprover")
            .WithSummary("Sets the member's approver: another active member, who approves in the place of the member's team managers (admin).")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        company.MapDelete("/memberships/{membershipId:guid}/approver", Delete).WithName("DeleteMemberApprover")
            .WithSummary("Clears the member's approver: their team managers approve again (admin).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<MemberApproverResponse>>, ProblemHttpResult>> List(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || !caller.IsManager) return Problems.Forbidden();
        var rows = await db.MemberApprovers.AsNoTracking().Where(a => a.CompanyId == companyId)
            .Select(a => new MemberApproverResponse(a.MembershipId,
                db.Memberships.Where(m => m.Id == a.MembershipId).Select(m => m.User!.Name).First(),
                a.ApproverMembershipId,
                db.Memberships.Where(m => m.Id == a.ApproverMembershipId).Select(m => m.User!.Name).First()))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok((IReadOnlyList<MemberApproverResponse>)rows.OrderBy(r => r.MemberName, StringComparer.CurrentCulture).ToList());
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Put(
        Guid companyId, Guid membershipId, MemberApproverRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null) return ApprovalErrors.AdminOnly.ToProblem();
        var active = (await db.Memberships.AsNoTracking().Where(m => m.CompanyId == companyId && m.Active).Select(m => m.Id)
            .ToListAsync(cancellationToken)).ToHashSet();
        var approverId = request.ApproverMembershipId!.Value;
        if (ApprovalSetupRules.CheckMemberApprover(caller, membershipId, approverId, active) is { } refusal) return refusal.ToProblem();
        if (!await db.Memberships.AnyAsync(m => m.Id == membershipId && m.CompanyId == companyId, cancellationToken))
        {
            return Core.Leaves.LeaveErrors.MembershipNotFound.ToProblem();
        }
        // One statement: two admins setting it at once leave one row, the last one's.
        await db.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO member_approvers (id, company_id, membership_id, approver_membership_id, created_at, updated_at)
            VALUES ({Guid.CreateVersion7()}, {companyId}, {membershipId}, {approverId}, now(), now())
            ON CONFLICT (membership_id) DO UPDATE SET approver_membership_id = excluded.approver_membership_id, updated_at = now()
            """, cancellationToken);
        return TypedResults.NoContent();
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, Guid membershipId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller?.Role != UserRole.ADMIN) return ApprovalErrors.AdminOnly.ToProblem();
        return await db.MemberApprovers.Where(a => a.CompanyId == companyId && a.MembershipId == membershipId).ExecuteDeleteAsync(cancellationToken) == 0
            ? Core.Leaves.LeaveErrors.MembershipNotFound.ToProblem() : TypedResults.NoContent();
    }
}
