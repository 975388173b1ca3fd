using System.Net;
using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Unit;

/// <summary>Where webhooks may go (server-side request forgery): the table of addresses, as written and as resolved.</summary>
public sealed class WebhookTargetRulesTests
{
    [Theory]
    [InlineData("https://hooks.example.com/arkoa")]
    [InlineData("https://hooks.example.com:8443/arkoa?team=1")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://[2606:4700:4700::1111]/hook")]
    [InlineData("https://xn--bcher-kva.example/hook")]
    public void A_public_https_address_is_allowed(string url) => Assert.Null(WebhookTargetRules.CheckUrl(url, allowPrivate: false));

    [Theory]
    [InlineData("http://hooks.example.com/arkoa", WebhookTargetRefusal.HttpsRequired)]
    [InlineData("ftp://hooks.example.com/arkoa", WebhookTargetRefusal.NotAbsolute)]
    [InlineData("file:///etc/passwd", WebhookTargetRefusal.NotAbsolute)]
    [InlineData("/relative/hook", WebhookTargetRefusal.NotAbsolute)]
    [InlineData("not a url", WebhookTargetRefusal.NotAbsolute)]
    [InlineData("https://user:pass@hooks.example.com/", WebhookTargetRefusal.Credentials)]
    [InlineData("https://hooks.example.com/#top", WebhookTargetRefusal.Fragment)]
    [InlineData("https://127.0.0.1/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://127.1.2.3/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://[::1]/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://10.0.0.1/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://10.255.255.255/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://172.16.0.1/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://172.31.255.254/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://192.168.1.1/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://169.254.169.254/latest/meta-data/", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://100.64.0.1/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://0.0.0.0/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://224.0.0.1/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://[::ffff:127.0.0.1]/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://[::ffff:169.254.169.254]/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://[::ffff:a00:1]/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://[64:ff9b::a9fe:a9fe]/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://[fd00::1]/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://[fe80::1]/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://2130706433/hook", WebhookTargetRefusal.PrivateAddress)] // 127.0.0.1 as one number
    [InlineData("https://0x7f.1/hook", WebhookTargetRefusal.PrivateAddress)]
    [InlineData("https://localhost/hook", WebhookTargetRefusal.LocalName)]
    [InlineData("https://LOCALHOST./hook", WebhookTargetRefusal.LocalName)]
    [InlineData("https://api.localhost/hook", WebhookTargetRefusal.LocalName)]
    [InlineData("https://printer.local/hook", WebhookTargetRefusal.LocalName)]
    [InlineData("https://metadata.google.internal/hook", WebhookTargetRefusal.LocalName)]
    [InlineData("https://redis/hook", WebhookTargetRefusal.LocalName)]
    public void Anything_else_is_refused_with_its_reason(string url, WebhookTargetRefusal reason) =>
        Assert.Equal(reason, WebhookTargetRules.CheckUrl(url, allowPrivate: false));

    [Fact]
    public void A_very_long_address_is_refused()
    {
        var url = "https://hooks.example.com/" + new string('a', WebhookTargetRules.UrlMaxLength);
        Assert.Equal(WebhookTargetRefusal.TooLong, WebhookTargetRules.CheckUrl(url, allowPrivate: false));
    }

    [Theory]
    [InlineData("http://127.0.0.1:5000/hook")]
    [InlineData("http://[::1]:5000/hook")]
    [InlineData("http://localhost:5000/hook")]
    [InlineData("https://10.0.0.1/hook")]
    public void Development_allows_private_targets_and_http_to_loopback(string url) =>
        Assert.Null(WebhookTargetRules.CheckUrl(url, allowPrivate: true));

    [Theory]
    [InlineData("http://10.0.0.1/hook")]
    [InlineData("http://hooks.example.com/hook")]
    public void Even_in_development_plain_http_goes_to_loopback_only(string url) =>
        Assert.Equal(WebhookTargetRefusal.HttpsRequired, WebhookTargetRules.CheckUrl(url, allowPrivate: true));

    [Theory]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:4700:4700::1111", true)]
    [InlineData("127.0.0.1", false)]
    [InlineData("::1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.5.4", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("192.168.0.10", false)]
    [InlineData("169.254.169.254", false)]
    [InlineData("::ffff:192.168.0.10", false)]
    [InlineData("::ffff:93.184.216.34", true)]
    [InlineData("2002:7f00:1::", false)] // 6to4 of 127.0.0.1
    [InlineData("fd12:3456::1", false)]
    public void A_resolved_address_is_checked_whatever_its_form(string address, bool isPublic) =>
        Assert.Equal(isPublic, WebhookTargetRules.IsPublic(IPAddress.Parse(address)));

    [Fact]
    public void One_private_address_among_the_resolved_ones_is_enough_to_refuse_a_name()
    {
        IPAddress[] rebound = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse("127.0.0.1")];
        Assert.Equal(WebhookTargetRefusal.PrivateAddress, WebhookTargetRules.CheckResolved(rebound, allowPrivate: false));
        Assert.Null(WebhookTargetRules.CheckResolved([IPAddress.Parse("93.184.216.34")], allowPrivate: false));
        Assert.Equal(WebhookTargetRefusal.Unresolvable, WebhookTargetRules.CheckResolved([], allowPrivate: false));
        Assert.Null(WebhookTargetRules.CheckResolved(rebound, allowPrivate: true));
    }

    [Fact]
    public void Every_reason_has_a_code_and_a_sentence()
    {
        foreach (var reason in Enum.GetValues<WebhookTargetRefusal>())
        {
            Assert.Matches("^[a-z]+(-[a-z]+)*$", WebhookTargetRules.ReasonCode(reason));
            Assert.EndsWith(".", WebhookTargetRules.Explain(reason));
        }
    }
}
