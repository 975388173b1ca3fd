using Arkoa.Core.Domain;
using Arkoa.Core.Tokens;

namespace Arkoa.Tests.Unit;

/// <summary>The Idempotency-Key header's shape, the request's fingerprint, and how a repeat is answered.</summary>
public sealed class IdempotencyKeyTests
{
    private static readonly DateTime Now = new(2026, 12, 2, 10, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("3f1c6a8e-0b2d-4c55-9e7a-1d2b3c4d5e6f", true)]
    [InlineData("invoice-42:retry_1.a", true)]
    [InlineData("k", true)]
    [InlineData("", false)]
    [InlineData("with space", false)]
    [InlineData("é", false)]
    [InlineData("a/b", false)]
    [InlineData("tab\tkey", false)]
    public void A_key_is_1_to_128_letters_digits_or_dash_underscore_dot_colon(string key, bool valid) =>
        Assert.Equal(valid, IdempotencyKey.IsValid(key));

    [Fact]
    public void A_key_of_128_characters_is_valid_and_129_is_not()
    {
        Assert.True(IdempotencyKey.IsValid(new string('k', 128)));
        Assert.False(IdempotencyKey.IsValid(new string('k', 129)));
    }

    [Fact]
    public void The_fingerprint_changes_with_the_method_the_path_the_query_and_the_body()
    {
        var body = "{\"type\":\"PAID\"}"u8.ToArray();
        var first = IdempotentRequest.Fingerprint("POST", "/api/x", body);
        Assert.Equal(first, IdempotentRequest.Fingerprint("post", "/api/x", body));
        Assert.NotEqual(first, IdempotentRequest.Fingerprint("PATCH", "/api/x", body));
        Assert.NotEqual(first, IdempotentRequest.Fingerprint("POST", "/api/y", body));
        Assert.NotEqual(first, IdempotentRequest.Fingerprint("POST", "/api/x?a=1", body));
        Assert.NotEqual(first, IdempotentRequest.Fingerprint("POST", "/api/x", "{\"type\":\"RTT\"}"u8));
    }

    [Theory]
    [InlineData("same", 201, 1, IdempotencyOutcome.Replay)]
    [InlineData("same", 400, 1, IdempotencyOutcome.Replay)]
    [InlineData("same", null, 1, IdempotencyOutcome.InProgress)]
    [InlineData("different", 201, 1, IdempotencyOutcome.Reused)]
    [InlineData("different", null, 1, IdempotencyOutcome.Reused)]
    [InlineData("same", 201, 24, IdempotencyOutcome.Expired)]
    [InlineData("different", null, 25, IdempotencyOutcome.Expired)]
    public void A_repeat_is_replayed_refused_or_run_again_once_the_first_is_older_than_24_hours(
        string request, int? status, int hoursAgo, IdempotencyOutcome expected)
    {
        var created = Now.AddHours(-hoursAgo);
        var first = new IdempotencyRecord
        {
            Key = "k", RequestHash = "same", StatusCode = status, CreatedAt = created, ExpiresAt = created + IdempotencyKey.Lifetime,
        };
        Assert.Equal(expected, IdempotentRequest.Repeat(first, request, Now));
    }

    [Fact]
    public void Server_errors_and_429s_are_not_kept_so_a_retry_runs_again()
    {
        Assert.True(IdempotentRequest.IsKept(201));
        Assert.True(IdempotentRequest.IsKept(422));
        Assert.False(IdempotentRequest.IsKept(429));
        Assert.False(IdempotentRequest.IsKept(500));
        Assert.False(IdempotentRequest.IsKept(503));
    }
}
