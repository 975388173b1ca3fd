using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Arkoa.Api.Data;

/// <summary>
/// Gives a pooled connection back in a sound state after Postgres refused one of its statements (issue 13, point 17).
/// <para>
/// With <c>Database:MaxAutoPrepare</c> (<see cref="DatabasePool"/>), Npgsql prepares a statement on the fifth run on a
/// connection, in that run's round trip: Parse, Bind, Describe, Execute. Npgsql 10 records the statement as prepared
/// as soon as Postgres acknowledges the Parse, and records the shape of its rows only from the Describe that follows
/// the Bind. When Postgres refuses a parameter value while binding it (a NUL character in text, SQLSTATE 22021; a
/// <c>\u0000</c> escape in jsonb, 22P05), the statement stays "prepared" with no row shape. The next run of the same
/// SQL on that connection, whoever sends it, sends only Bind and Execute, takes its first row for the end of a
/// statement without rows ("Received unexpected backend message DataRow") and Npgsql breaks the connection: a valid
/// request of another user fails with a 500.
/// </para>
/// <para>
/// So after any statement Postgres refused, the connection forgets all its prepared statements
/// (<see cref="NpgsqlConnection.UnprepareAll"/>: <c>DEALLOCATE ALL</c> on the server, and Npgsql's own records) when
/// EF closes it, before it goes back to the pool. By then the request's transaction has ended, so the command can run.
/// Refused statements are rare (a conflict, a hostile value), and the statements are prepared again after five runs.
/// </para>
/// </summary>
public sealed class PreparedStatementReset : IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static readonly PreparedStatementReset Instance = new();

    // Connections whose last use saw a statement refused. Weak: a connection EF drops needs no entry.
    private readonly ConditionalWeakTable<DbConnection, object> _refused = [];
    private static readonly object Marker = new();

    private PreparedStatementReset() { }

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => Remember(command, eventData.Exception);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Remember(command, eventData.Exception);
        return Task.CompletedTask;
    }

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ResetIfRefused(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        // Npgsql has no asynchronous UnprepareAll; one short round trip, and only after a refused statement.
        ResetIfRefused(connection);
        return ValueTask.FromResult(result);
    }

    // A connection EF disposes without closing it first goes back to the pool too.
    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ResetIfRefused(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        ResetIfRefused(connection);
        return ValueTask.FromResult(result);
    }

    // Only an error Postgres answered leaves the connection in use; any other failure (I/O, timeout) breaks it anyway.
    private void Remember(DbCommand command, Exception exception)
    {
        if (exception is PostgresException && command.Connection is { } connection) _refused.AddOrUpdate(connection, Marker);
    }

    private void ResetIfRefused(DbConnection connection)
    {
        if (!_refused.Remove(connection) || connection is not NpgsqlConnection { State: System.Data.ConnectionState.Open } npgsql) return;
        try
        {
            npgsql.UnprepareAll();
        }
        catch (NpgsqlException)
        {
            // Still inside a failed transaction, say: this connection must not be reused. Clearing the pool closes it
            // when it is returned (and the idle ones, which cost a reconnect, not an error).
            NpgsqlConnection.ClearPool(npgsql);
        }
    }
}
