using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Approvals;
using Arkoa.Core.Companies;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.LeaveTypes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/approval-chain: the company's approval chain (SPEC §11; any member reads it, an admin
/// replaces or removes it). A request takes the chain as it is when it arrives; a change reaches the next requests.
/// </summary>
public static class ApprovalChainEndpoints
{
    public static RouteGroupBuilder MapApprovalChainEndpoints(this RouteGroupBuilder api)
    {
        var chain = api.MapGroup("/companies/{companyId:guid}/approval-chain").WithTags("Approvals")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        chain.MapGet("/", Get).WithName("GetApprovalChain")
            .WithSummary("The company's approval chain and its steps in order; 404 when it has none (any member).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        chain.MapPut("/", Put).WithName("PutApprovalChain")
            .WithSummary("Sets the company's approval chain: 1 to 10 ordered steps, each with its approvers, ANY or ALL, and its conditions (admin).")
            .ProducesValidationProblem();
        chain.MapDelete("/", Delete).WithName("DeleteApprovalChain")
            .WithSummary("Removes the chain: the next requests are decided as without one; requests under way keep their steps (admin).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<ApprovalChainResponse>, ProblemHttpResult>> Get(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is null) return Problems.Forbidden();
        var chain = await db.ApprovalChains.AsNoTracking().Include(c => c.Steps).SingleOrDefaultAsync(c => c.CompanyId == companyId, cancellationToken);
        return chain is null ? ApprovalErrors.ChainNotFound.ToProblem() : TypedResults.Ok(Response(chain));
    }

    private static async Task<Results<Ok<ApprovalChainResponse>, ValidationProblem, ProblemHttpResult>> Put(
        Guid companyId, ApprovalChainRequest request, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        if (await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken) is not { } caller) return ApprovalErrors.AdminOnly.ToProblem();
        var steps = request.Steps!.Select(s => s.ToChainStep()).ToList();
        return await db.InTransactionAsync<Results<Ok<ApprovalChainResponse>, ValidationProblem, ProblemHttpResult>>(async ct =>
        {
            await db.LockCompanyAsync(companyId, ct); // two admins saving at once: one chain, the last one
            var active = (await db.Memberships.Where(m => m.CompanyId == companyId && m.Active).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
            if (ApprovalSetupRules.CheckChain(caller, request.Name, steps, active) is { } refusal) return refusal.ToProblem();
            var companyTypes = await CompanyLeaveTypes.LoadAsync(db, companyId, ct);
            for (var i = 0; i < request.Steps!.Count; i++)
            {
                if (companyTypes.UnknownAmong(request.Steps[i].LeaveTypes, $"steps[{i}].leaveTypes") is { } unknown) return unknown.ToProblem();
            }
            var chain = await db.ApprovalChains.Include(c => c.Steps).SingleOrDefaultAsync(c => c.CompanyId == companyId, ct);
            if (chain is null)
            {
                chain = new ApprovalChain { CompanyId = companyId, Name = request.Name!.Trim() };
                db.ApprovalChains.Add(chain);
            }
            else
            {
                chain.Name = request.Name!.Trim();
                chain.UpdatedAt = DateTime.UtcNow;
                db.ApprovalSteps.RemoveRange(chain.Steps);
                await db.SaveChangesAsync(ct); // the old positions go before the new ones take them
                chain.Steps = [];
            }
            chain.Steps.AddRange(request.Steps!.Select((s, i) => new ApprovalStep
            {
                ChainId = chain.Id, Position = i, Approvers = s.Approvers!.Value, NamedMembershipId = s.NamedMembershipId, Mode = s.Mode,
                LeaveTypes = (s.LeaveTypes ?? []).Distinct().Select(t => t.ToString()).ToList(), MoreThanDays = s.MoreThanDays,
                WhenBalanceGoesNegative = s.WhenBalanceGoesNegative, WhenInBlackout = s.WhenInBlackout,
            }));
            await db.SaveChangesAsync(ct);
            return TypedResults.Ok(Response(chain));
        }, cancellationToken);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> Delete(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller?.Role != UserRole.ADMIN) return ApprovalErrors.AdminOnly.ToProblem();
        return await db.ApprovalChains.Where(c => c.CompanyId == companyId).ExecuteDeleteAsync(cancellationToken) == 0
            ? ApprovalErrors.ChainNotFound.ToProblem() : TypedResults.NoContent();
    }

    private static ApprovalChainResponse Response(ApprovalChain chain) =>
        new(chain.Id, chain.Name, chain.Steps.OrderBy(s => s.Position).Select(ApprovalStepBody.From).ToList(), chain.UpdatedAt);
}
