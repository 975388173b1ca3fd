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
/// /api/companies/{companyId}/approval-delegations (SPEC §11): a person hands their approvals to another member from
/// one day to another (out of office); requests that arrive in the window go to the delegate, on their behalf. Anyone
/// for themself, an admin for anyone.
/// </summary>
public static class ApprovalDelegationEndpoints
{
    public static RouteGroupBuilder MapApprovalDelegationEndpoints(this RouteGroupBuilder api)
    {
        var delegations = api.MapGroup("/companies/{companyId:guid}/approval-delegations").WithTags("Approvals")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        delegations.MapGet("/", List).WithName("ListApprovalDelegations")
            .WithSummary("The delegations not yet ended: the caller's (given or received), or every one for an admin.");
        delegations.MapPost("/", Create).WithName("CreateApprovalDelegation")
            .WithSummary("Hands the approvals of fromMembershipId (default: the caller) to another active member from startDate to endDate, both included (the person, or an admin).")
            .ProducesValidationProblem();
        delegations.MapDelete("/{delegationId:guid}", Delete).WithName("DeleteApprovalDelegation")
            .WithSummary("Ends a delegation: the next requests go to the delegator again; requests already handed stay with the delegate (the delegator, or an admin).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<IReadOnlyList<DelegationResponse>>, ProblemHttpResult>> List(
        Guid companyId, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (caller, company, _) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || company is null) return Problems.Forbidden();
        var today = CompanyClock.Today(company, clock);
        var query = db.ApprovalDelegations.AsNoTracking().Where(d => d.CompanyId == companyId && d.EndDate >= today);
        if (caller.Role != UserRole.ADMIN) query = query.Where(d => d.FromMembershipId == caller.Id || d.ToMembershipId == caller.Id);
        var rows = await query.OrderBy(d => d.StartDate).ThenBy(d => d.Id)
            .Select(d => new DelegationResponse(d.Id, d.FromMembershipId,
                db.Memberships.Where(m => m.Id == d.FromMembershipId).Select(m => m.User!.Name).First(),
                d.ToMembershipId, db.Memberships.Where(m => m.Id == d.ToMembershipId).Select(m => m.User!.Name).First(),
                d.StartDate, d.EndDate))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok((IReadOnlyList<DelegationResponse>)rows);
    }

    private static async Task<Results<Created<DelegationResponse>, ValidationProblem, ProblemHttpResult>> Create(
        Guid companyId, CreateDelegationRequest request, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var (caller, company, _) = await db.CallerAndCompanyAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is null || company is null) return Problems.Forbidden();
        var from = request.FromMembershipId ?? caller.Id;
        var to = request.ToMembershipId!.Value;
        var people = await db.Memberships.AsNoTracking().Where(m => m.CompanyId == companyId && m.Active && (m.Id == from || m.Id == to))
            .Select(m => new { m.Id, m.User!.Name }).ToListAsync(cancellationToken);
        var refusal = ApprovalSetupRules.CheckDelegation(caller, from, to, request.StartDate!.Value, request.EndDate!.Value,
            CompanyClock.Today(company, clock), people.Select(p => p.Id).ToHashSet());
        if (refusal is not null) return refusal.ToProblem();
        var delegation = new ApprovalDelegation
        {
            CompanyId = companyId, FromMembershipId = from, ToMembershipId = to, StartDate = request.StartDate.Value,
            EndDate = request.EndDate.Value, CreatedById = caller.UserId,
        };
        db.ApprovalDelegations.Add(delegation);
        await db.SaveChangesAsync(cancellationToken);
        string NameOf(Guid id) => people.First(p => p.Id == id).Name;
        return TypedResults.Created($"/api/companies/{companyId}/approval-delegations/{delegation.Id}", new DelegationResponse(
            delegation.Id, from, NameOf(from), to, NameOf(to), delegation.StartDate, delegation.EndDate));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, Guid delegationId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is not { } caller) return Problems.Forbidden();
        var delegation = await db.ApprovalDelegations.SingleOrDefaultAsync(d => d.Id == delegationId && d.CompanyId == companyId, cancellationToken);
        // Someone else's delegation is not found for a member who may not end it, as another company's is.
        if (delegation is null || (delegation.ToMembershipId != caller.Id && ApprovalSetupRules.CheckEndDelegation(caller, delegation) is not null))
        {
            return ApprovalErrors.DelegationNotFound.ToProblem();
        }
        if (ApprovalSetupRules.CheckEndDelegation(caller, delegation) is { } refusal) return refusal.ToProblem();
        db.ApprovalDelegations.Remove(delegation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }
}
