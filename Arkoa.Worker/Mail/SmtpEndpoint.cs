using System.Data.Common;
using MailKit.Security;

namespace Arkoa.Worker.Mail;

/// <summary>
/// The "smtp" connection string: <c>Endpoint=smtp://host:port</c> (STARTTLS when offered) or
/// <c>Endpoint=smtps://host:port</c> (TLS from the start), with optional <c>Username=…;Password=…</c>.
/// </summary>
public sealed record SmtpEndpoint(string Host, int Port, SecureSocketOptions Security, string? Username, string? Password)
{
    public const string ConnectionName = "smtp";

    public static SmtpEndpoint Parse(string? connectionString)
    {
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} is not set.");

        var parts = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var endpoint = parts.TryGetValue("Endpoint", out var value) ? value?.ToString() : null;
        if (!Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) || uri.Scheme is not ("smtp" or "smtps"))
            throw new InvalidOperationException($"ConnectionStrings:{ConnectionName} needs Endpoint=smtp://host:port or smtps://host:port.");

        var security = uri.Scheme == "smtps" ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable;
        var port = uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "smtps" ? 465 : 25) : uri.Port;
        return new SmtpEndpoint(uri.Host, port, security,
            parts.TryGetValue("Username", out var user) ? user?.ToString() : null,
            parts.TryGetValue("Password", out var password) ? password?.ToString() : null);
    }
}
