using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.Outbox;
using Arkoa.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Api.Auth;

/// <summary>Issues the one-hour, single-use link of a forgotten password.</summary>
public sealed class PasswordResetIssuer(ArkoaDbContext db, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    /// <summary>
    /// One statement, the same whether or not the address has an account: it inserts the token and the mail only
    /// when the user row exists. A known and an unknown address thus cost the same round trip, so neither the
    /// answer nor its timing tells them apart. Erased accounts (no password) get nothing.
    /// </summary>
    public async Task IssueAsync(string normalizedEmail, CancellationToken cancellationToken)
    {
        var token = SecureToken.Create();
        var now = clock.GetUtcNow().UtcDateTime;
        // The payload's JSON names are those of ResetPasswordPayload as OutboxMessageFactory writes them.
        await db.Database.ExecuteSqlAsync($"""
            WITH target AS (
                SELECT id, email, name, language FROM users WHERE email = {normalizedEmail} AND password_hash <> ''
            ), issued AS (
                INSERT INTO user_tokens (id, user_id, purpose, token_hash, expires_at, created_at, updated_at)
                SELECT {Guid.CreateVersion7()}, id, {UserTokenPurpose.RESET_PASSWORD.ToString()}, {SecureToken.Hash(token)},
                       {now + Lifetime}, {now}, {now}
                FROM target
            )
            INSERT INTO outbox_messages (id, kind, payload, attempts, next_attempt_at, created_at, updated_at)
            SELECT {Guid.CreateVersion7()}, {OutboxKinds.ResetPassword},
                   jsonb_build_object('to', email, 'name', name, 'token', {token}::text, 'language', language),
                   0, {now}, {now}, {now}
            FROM target
            """, cancellationToken);
    }
}
