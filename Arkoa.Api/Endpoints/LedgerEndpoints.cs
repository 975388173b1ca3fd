using Arkoa.Core.Domain;
using Arkoa.Api.Auth;
using Arkoa.Api.Contracts;
using Arkoa.Api.Http;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Arkoa.Api.Endpoints;

/// <summary>
/// /api/companies/{companyId}/ledger/verify and …/memberships/{membershipId}/ledger: checking the hash-chained balance
/// ledgers (SPEC §2) and exporting one member's for an offline check (docs/ledger-export.md).
/// </summary>
public static class LedgerEndpoints
{
    public static RouteGroupBuilder MapLedgerEndpoints(this RouteGroupBuilder api)
    {
        var company = api.MapGroup("/companies/{companyId:guid}").WithTags("Ledger")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        company.MapGet("/ledger/verify", Verify).WithName("VerifyLedger")
            .WithSummary("Checks every member's balance ledger: chain, hashes and balances; names each broken member's first break (manager).");
        company.MapGet("/memberships/{membershipId:guid}/ledger", Export).WithName("ExportMemberLedger")
            .WithSummary("One member's ledger with its hash chain, for an offline check (the member or a manager).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<Results<Ok<LedgerVerificationResponse>, ProblemHttpResult>> Verify(
        Guid companyId, HttpContext context, ArkoaDbContext db, CancellationToken cancellationToken)
    {
        var caller = await db.CallerMembershipAsync(companyId, context.User.UserId(), cancellationToken);
        if (caller is not { IsManager: true }) return Problems.Forbidden(ProblemCodes.ManagerOnlyLedger, "Only a manager of this company can verify its ledger.");
        return TypedResults.Ok(LedgerVerificationResponse.From(await db.VerifyCompanyAsync(companyId, cancellationToken)));
    }

    private static async Task<Results<Ok<LedgerExport>, ProblemHttpResult>> Export(
        Guid companyId, Guid membershipId, HttpContext context, ArkoaDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await db.MemberReadRefusalAsync(companyId, membershipId, context.User.UserId(), cancellationToken) is { } refusal) return refusal;

        var (entries, balances) = await db.MemberLedgerAsync(membershipId, cancellationToken);
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"arkoa-ledger-{membershipId}.json\"";
        return TypedResults.Ok(new LedgerExport(LedgerHash.Version, companyId, membershipId, clock.GetUtcNow().UtcDateTime,
            entries.Count == 0 ? LedgerHash.Genesis : entries[^1].Entry.Hash,
            balances.OrderBy(b => b.Key).Select(b => new LedgerExportBalance(b.Key, b.Value)).ToList(),
            entries.Select(LedgerExportEntry.From).ToList()));
    }
}
