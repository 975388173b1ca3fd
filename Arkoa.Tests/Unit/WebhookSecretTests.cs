using System.Security.Cryptography;
using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Unit;

/// <summary>Webhook secrets: their shape, and their encryption at rest bound to the key and to the endpoint.</summary>
public sealed class WebhookSecretTests
{
    private const string Key = "a-webhook-key-of-at-least-32-characters";

    [Fact]
    public void A_secret_is_the_prefix_and_43_base62_characters_never_twice_the_same()
    {
        var secrets = Enumerable.Range(0, 100).Select(_ => WebhookSecret.Create()).ToList();
        Assert.All(secrets, s => Assert.Matches("^whsec_[0-9A-Za-z]{43}$", s));
        Assert.Equal(secrets.Count, secrets.Distinct().Count());
    }

    [Fact]
    public void An_encrypted_secret_reads_back_and_does_not_contain_it()
    {
        var protector = new WebhookSecretProtector(Key);
        var secret = WebhookSecret.Create();
        var endpoint = Guid.NewGuid();
        var sealed1 = protector.Protect(secret, endpoint);
        Assert.DoesNotContain(secret[WebhookSecret.Prefix.Length..], sealed1);
        Assert.NotEqual(sealed1, protector.Protect(secret, endpoint)); // a fresh nonce each time
        Assert.Equal(secret, protector.Unprotect(sealed1, endpoint));
        Assert.Equal(secret, new WebhookSecretProtector(Key).Unprotect(sealed1, endpoint)); // another process, same key
    }

    [Fact]
    public void Another_key_or_another_endpoint_cannot_read_it()
    {
        var endpoint = Guid.NewGuid();
        var sealed1 = new WebhookSecretProtector(Key).Protect(WebhookSecret.Create(), endpoint);
        Assert.ThrowsAny<CryptographicException>(() => new WebhookSecretProtector(Key + "!").Unprotect(sealed1, endpoint));
        Assert.ThrowsAny<CryptographicException>(() => new WebhookSecretProtector(Key).Unprotect(sealed1, Guid.NewGuid()));
    }

    [Theory]
    [InlineData("")]
    [InlineData("short")]
    public void A_missing_or_short_key_is_refused_naming_the_setting(string key)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new WebhookSecretProtector(key));
        Assert.Contains(WebhookSecretProtector.KeySetting, error.Message);
    }
}
