using System.Security.Cryptography;
using System.Text;
using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Unit;

/// <summary>The Arkoa-Signature header: HMAC-SHA256 of "t.body", as a receiver checks it (docs/integrations.md).</summary>
public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_test";
    private const string Body = """{"id":"e1","type":"ping"}""";
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Fact]
    public void The_header_is_the_timestamp_and_the_hex_hmac_of_timestamp_dot_body()
    {
        var expected = Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret),
            Encoding.UTF8.GetBytes("1800000000." + Body))).ToLowerInvariant();
        Assert.Equal($"t=1800000000,v1={expected}", WebhookSignature.Header(Secret, 1_800_000_000, Body));
    }

    [Fact]
    public void A_known_vector_stays_the_same()
    {
        // printf '%s' '1800000000.{"id":"e1","type":"ping"}' | openssl dgst -sha256 -hmac whsec_test
        Assert.Equal("57f80d6275dbe048514caaa03e737448b1d0276cb66509e5bd4949c08952aeac", WebhookSignature.Compute(Secret, 1_800_000_000, Body));
    }

    [Fact]
    public void A_receiver_accepts_the_signed_body_within_five_minutes()
    {
        var header = WebhookSignature.Header(Secret, Now.ToUnixTimeSeconds(), Body);
        Assert.True(WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(4), WebhookSignature.DefaultTolerance));
    }

    [Fact]
    public void A_receiver_refuses_an_altered_body_another_secret_an_old_timestamp_or_a_malformed_header()
    {
        var header = WebhookSignature.Header(Secret, Now.ToUnixTimeSeconds(), Body);
        var tolerance = WebhookSignature.DefaultTolerance;
        Assert.False(WebhookSignature.Verify(Secret, header, Body.Replace("ping", "pong"), Now, tolerance));
        Assert.False(WebhookSignature.Verify("whsec_other", header, Body, Now, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, header, Body, Now.AddMinutes(6), tolerance));
        Assert.False(WebhookSignature.Verify(Secret, header.Replace("t=1800000000", "t=1800000001"), Body, Now, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, null, Body, Now, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, "v1=abc", Body, Now, tolerance));
        Assert.False(WebhookSignature.Verify(Secret, "t=1800000000", Body, Now, tolerance));
    }

    [Fact]
    public void One_matching_v1_among_several_is_enough()
    {
        var header = WebhookSignature.Header(Secret, Now.ToUnixTimeSeconds(), Body);
        var withAnother = header.Replace(",v1=", ",v1=00ff,v1=");
        Assert.True(WebhookSignature.Verify(Secret, withAnother, Body, Now, WebhookSignature.DefaultTolerance));
    }
}
