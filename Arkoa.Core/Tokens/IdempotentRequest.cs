using System.Security.Cryptography;
using System.Text;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Tokens;

/// <summary>What a repeat of a write with the same key gets, from the record of the first.</summary>
public enum IdempotencyOutcome
{
    /// <summary>The first request finished: answer its stored status and body, do nothing.</summary>
    Replay,

    /// <summary>The first request still runs: 409, never run both.</summary>
    InProgress,

    /// <summary>The same key with another method, path or body: 422.</summary>
    Reused,

    /// <summary>The record is older than the key's life: delete it and treat the request as new.</summary>
    Expired,
}

/// <summary>The fingerprint of a write (method, path with query, body) and how a repeat of its key is answered.</summary>
public static class IdempotentRequest
{
    public static string Fingerprint(string method, string pathAndQuery, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(method.ToUpperInvariant() + "\n" + pathAndQuery + "\n"));
        hash.AppendData(body);
        return Convert.ToHexString(hash.GetHashAndReset()).ToLowerInvariant();
    }

    public static IdempotencyOutcome Repeat(IdempotencyRecord first, string fingerprint, DateTime now) =>
        now >= first.ExpiresAt ? IdempotencyOutcome.Expired
        : first.RequestHash != fingerprint ? IdempotencyOutcome.Reused
        : first.StatusCode is null ? IdempotencyOutcome.InProgress
        : IdempotencyOutcome.Replay;

    /// <summary>
    /// Whether an answer is kept for replay: not a server error (the work rolled back; a retry should run it), nor a 429
    /// (too many requests now says nothing of the request: a retry after its Retry-After must run).
    /// </summary>
    public static bool IsKept(int status) => status < 500 && status != 429;
}
