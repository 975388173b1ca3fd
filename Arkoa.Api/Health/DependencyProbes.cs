using System.Data.Common;
using System.Net.Sockets;
using Arkoa.Core.Data;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;

namespace Arkoa.Api.Health;

/// <summary>
/// Short, independent checks of what the Api depends on, for /api/health. Each answers within
/// <see cref="Timeout"/> and never throws: a dependency that does not answer in time is down.
/// </summary>
public static class DependencyProbes
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(3);

    /// <summary>
    /// EF Core's CanConnect opens a fresh, unpooled connection, so a Postgres that went away and came back is
    /// seen as up at once, whatever state pooled connections are in (those are retried by EF's execution strategy).
    /// </summary>
    public static async Task<bool> DatabaseAsync(ArkoaDbContext db, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            return await db.Database.CanConnectAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    public static async Task<bool> RedisAsync(IConnectionMultiplexer redis, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().PingAsync().WaitAsync(Timeout, cancellationToken);
            return true;
        }
        catch (Exception e) when (e is RedisException or TimeoutException)
        {
            return false;
        }
    }

    /// <summary>
    /// A TCP connection to the "smtp" endpoint (<c>Endpoint=smtp://host:port</c>), the server the Worker hands mails to.
    /// Connecting is enough to know it listens; the Worker's own retries and the mail alerts cover the rest.
    /// </summary>
    public static async Task<bool> SmtpAsync(string? connectionString, CancellationToken cancellationToken)
    {
        if (!TryParseSmtpEndpoint(connectionString, out var host, out var port)) return false;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(host, port, timeout.Token);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static bool TryParseSmtpEndpoint(string? connectionString, out string host, out int port)
    {
        host = "";
        port = 0;
        if (string.IsNullOrWhiteSpace(connectionString)) return false;
        var parts = new DbConnectionStringBuilder();
        try
        {
            parts.ConnectionString = connectionString;
        }
        catch (ArgumentException)
        {
            return false;
        }
        if (!parts.TryGetValue("Endpoint", out var endpoint)
            || !Uri.TryCreate(endpoint?.ToString(), UriKind.Absolute, out var uri)
            || uri.Scheme is not ("smtp" or "smtps"))
        {
            return false;
        }
        host = uri.Host;
        port = uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "smtps" ? 465 : 25) : uri.Port;
        return true;
    }
}
