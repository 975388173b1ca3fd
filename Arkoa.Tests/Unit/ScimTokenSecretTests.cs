using Arkoa.Core.Scim;
using Arkoa.Core.Tokens;

namespace Arkoa.Tests.Unit;

/// <summary>A SCIM token's secret: its own prefix (never taken for a personal API token), 256 random bits, matched by hash.</summary>
public sealed class ScimTokenSecretTests
{
    [Fact]
    public void A_secret_has_its_own_prefix_and_is_never_an_api_token()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => ScimTokenSecret.Create()).ToList();
        Assert.All(secrets, s => Assert.Matches("^arkoa_scim_[0-9A-Za-z]{43}$", s));
        Assert.All(secrets, s => Assert.True(ScimTokenSecret.IsWellFormed(s)));
        Assert.All(secrets, s => Assert.False(ApiTokenSecret.HasPrefix(s)));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
        Assert.False(ScimTokenSecret.IsWellFormed(ApiTokenSecret.Create()));
    }

    [Fact]
    public void Only_the_secret_itself_matches_its_stored_hash()
    {
        var secret = ScimTokenSecret.Create();
        var stored = ScimTokenSecret.Hash(secret);
        Assert.True(ScimTokenSecret.Matches(secret, stored));
        Assert.False(ScimTokenSecret.Matches(ScimTokenSecret.Create(), stored));
        Assert.False(ScimTokenSecret.Matches(secret[..^1], stored));
    }
}
