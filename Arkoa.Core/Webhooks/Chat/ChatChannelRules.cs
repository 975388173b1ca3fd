using Arkoa.Core.Domain;

namespace Arkoa.Core.Webhooks;

/// <summary>What a chat channel must be: Slack or Teams, its service's address, a name, leave events, French or English.</summary>
public static class ChatChannelRules
{
    public const int NameMaxLength = WebhookRules.DescriptionMaxLength;
    public static readonly string[] Languages = ["fr", "en"];

    /// <summary>A channel posts about leaves only: balances and members are not for a shared channel.</summary>
    public static IReadOnlyList<string> Subscribable { get; } =
        [WebhookEventTypes.LeaveSubmitted, WebhookEventTypes.LeaveApproved, WebhookEventTypes.LeaveRejected, WebhookEventTypes.LeaveCanceled];

    /// <summary>
    /// Checks a new or changed channel (null means "unchanged" for an update, "missing" for a creation); the kind is the
    /// channel's (a change of address is checked against it). Returns the normalised events, or the refusal.
    /// </summary>
    public static (string[] Events, DomainError? Error) Check(
        WebhookEndpointKind? kind, string? url, string? name, IReadOnlyCollection<string>? events, string? language,
        bool allowPrivateTargets, bool creating)
    {
        if (kind is not (WebhookEndpointKind.SLACK or WebhookEndpointKind.TEAMS)) return ([], ChatChannelErrors.KindRequired);
        if (url is not null || creating)
        {
            if (string.IsNullOrWhiteSpace(url)) return ([], WebhookErrors.UrlRequired);
            if (ChatChannelUrl.Check(kind.Value, url.Trim(), allowPrivateTargets) is { } refusal) return ([], WebhookErrors.TargetNotAllowed(refusal));
        }
        if (name is not null || creating)
        {
            if (string.IsNullOrWhiteSpace(name)) return ([], ChatChannelErrors.NameRequired);
            if (name.Trim().Length > NameMaxLength) return ([], ChatChannelErrors.NameTooLong);
        }
        if (language is not null && !Languages.Contains(language)) return ([], ChatChannelErrors.UnknownLanguage);
        if (events is null) return creating ? ([], WebhookErrors.EventsRequired) : ([], null);
        if (events.Count == 0) return ([], WebhookErrors.EventsRequired);
        if (events.Any(e => !Subscribable.Contains(e))) return ([], ChatChannelErrors.UnknownEvent);
        return (Subscribable.Where(events.Contains).ToArray(), null);
    }
}
