using Arkoa.Api.Auth;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Arkoa.Api.Data;

/// <summary>
/// Writes the company API token a request was made with beside the actor of every status change and ledger entry it
/// adds (the actor is the token's creator, <see cref="CompanyApiTokenAuthentication"/>), so the audit tells "Alice,
/// through the token Payroll sync" from Alice herself without every endpoint passing the token along. Read from the
/// request being served (<see cref="IHttpContextAccessor"/> is an async-local, so one instance serves the pooled contexts).
/// </summary>
public sealed class CompanyApiTokenAttribution(IHttpContextAccessor request) : SaveChangesInterceptor
{
    public static readonly CompanyApiTokenAttribution Instance = new(new HttpContextAccessor());

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null || request.HttpContext?.User is not { } user || !ApiTokenAuthenticationHandler.IsCompanyToken(user)) return;
        var tokenId = Guid.Parse(user.FindFirst(ApiTokenAuthenticationHandler.TokenIdClaim)!.Value);
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Added) continue;
            switch (entry.Entity)
            {
                case LeaveStatusChange change: change.CompanyApiTokenId = tokenId; break;
                case LeaveBalanceHistory ledgerEntry: ledgerEntry.CompanyApiTokenId = tokenId; break;
            }
        }
    }
}
