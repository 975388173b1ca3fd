using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Npgsql;

namespace Arkoa.Api.Http;

/// <summary>
/// A write the database refused because it would rewrite or delete balance history, or a row that history names
/// (the append-only triggers, migration SoftDeletedLeavesAndAppendOnlyHistory, raise restrict_violation), is a 409
/// rather than a 500: the request conflicts with records that are kept. No endpoint should ever try; the exception is
/// still logged as unhandled, so such a bug shows.
/// </summary>
public sealed class KeptHistoryExceptionHandler : IExceptionHandler
{
    public const string Detail = "This would delete or rewrite balance history, which is kept.";

    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        if (!IsKeptHistory(exception) || context.Response.HasStarted) return false;
        await Problems.Conflict(ProblemCodes.KeptHistory, Detail).ExecuteAsync(context);
        return true;
    }

    private static bool IsKeptHistory(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is PostgresException { SqlState: PostgresErrorCodes.RestrictViolation }) return true;
        }
        return false;
    }
}
