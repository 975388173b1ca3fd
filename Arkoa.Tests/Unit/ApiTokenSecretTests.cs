using Arkoa.Core.Tokens;

namespace Arkoa.Tests.Unit;

/// <summary>The secret's shape (a scanner-friendly prefix, 43 base62 characters) and its stored hash.</summary>
public sealed class ApiTokenSecretTests
{
    [Fact]
    public void A_secret_is_the_prefix_and_43_random_base62_characters_never_twice_the_same()
    {
        var secrets = Enumerable.Range(0, 200).Select(_ => ApiTokenSecret.Create()).ToList();
        Assert.All(secrets, s => Assert.Matches("^arkoa_pat_[0-9A-Za-z]{43}$", s));
        Assert.All(secrets, s => Assert.True(ApiTokenSecret.IsWellFormed(s)));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Theory]
    [InlineData("")]
    [InlineData("arkoa_pat_")]
    [InlineData("arkoa_pat_0123456789012345678901234567890123456789ab")] // 42
    [InlineData("arkoa_pat_0123456789012345678901234567890123456789abcd")] // 44
    [InlineData("arkoa_pat_012345678901234567890123456789012345678-abc")] // '-' is not base62
    [InlineData("ARKOA_PAT_0123456789012345678901234567890123456789abc")]
    [InlineData("ghp_0123456789012345678901234567890123456789abcdefghij")]
    public void Anything_else_is_not_well_formed(string value) => Assert.False(ApiTokenSecret.IsWellFormed(value));

    [Fact]
    public void Only_values_starting_with_the_exact_prefix_claim_to_be_tokens()
    {
        Assert.True(ApiTokenSecret.HasPrefix("arkoa_pat_x"));
        Assert.False(ApiTokenSecret.HasPrefix("Arkoa_pat_x"));
        Assert.False(ApiTokenSecret.HasPrefix("kF3x-session-token"));
    }

    [Fact]
    public void The_hash_is_the_lowercase_hex_sha256_and_differs_from_token_to_token()
    {
        // echo -n arkoa_pat_test | sha256sum
        Assert.Equal(Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("arkoa_pat_test"u8)).ToLowerInvariant(),
            ApiTokenSecret.Hash("arkoa_pat_test"));
        var (a, b) = (ApiTokenSecret.Create(), ApiTokenSecret.Create());
        Assert.NotEqual(ApiTokenSecret.Hash(a), ApiTokenSecret.Hash(b));
        Assert.DoesNotContain(a[ApiTokenSecret.Prefix.Length..], ApiTokenSecret.Hash(a), StringComparison.Ordinal);
    }
}
