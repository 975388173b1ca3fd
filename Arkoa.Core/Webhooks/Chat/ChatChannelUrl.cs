using Arkoa.Core.Domain;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// A chat channel's incoming-webhook address. It is a secret (whoever has it posts into the channel), so it must be one
/// its service issues: https to the service's own hosts. Slack: hooks.slack.com. Teams: *.webhook.office.com (the
/// retired Office 365 connectors), *.logic.azure.com and *.powerplatform.com (the Workflows app, Power Automate). The
/// general webhook rules apply first; in Development <c>allowPrivate</c> lets tests use a loopback receiver.
/// </summary>
public static class ChatChannelUrl
{
    private static readonly string[] SlackHosts = ["hooks.slack.com"];
    private static readonly string[] TeamsHostSuffixes = [".webhook.office.com", ".logic.azure.com", ".powerplatform.com"];

    /// <summary>Null when the address may be registered for this kind of channel.</summary>
    public static WebhookTargetRefusal? Check(WebhookEndpointKind kind, string url, bool allowPrivate)
    {
        if (WebhookTargetRules.CheckUrl(url, allowPrivate) is { } refusal) return refusal;
        if (allowPrivate) return null;
        var uri = new Uri(url);
        if (uri.Scheme != "https" || !uri.IsDefaultPort) return WebhookTargetRefusal.NotChatHost;
        var host = uri.IdnHost.ToLowerInvariant();
        var allowed = kind switch
        {
            WebhookEndpointKind.SLACK => SlackHosts.Contains(host),
            WebhookEndpointKind.TEAMS => TeamsHostSuffixes.Any(suffix => host.EndsWith(suffix, StringComparison.Ordinal)),
            _ => false,
        };
        return allowed ? null : WebhookTargetRefusal.NotChatHost;
    }

    /// <summary>What is shown of the address: its host and last 4 characters, enough to tell channels apart.</summary>
    public static string Hint(string url) =>
        $"{new Uri(url).Host} …{(url.Length > 4 ? url[^4..] : "")}";
}
