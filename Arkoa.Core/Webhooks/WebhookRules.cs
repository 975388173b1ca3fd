using Arkoa.Core.Domain;

namespace Arkoa.Core.Webhooks;

/// <summary>What a webhook endpoint must be: managed by an admin, a permitted address, known events, a short description.</summary>
public static class WebhookRules
{
    public const int DescriptionMaxLength = 200;
    public const int MaxEndpointsPerCompany = 20;

    /// <summary>Only a company's admins manage its webhooks: they send the company's data to another system.</summary>
    public static DomainError? CheckManager(Membership? caller) =>
        caller is { Active: true, Role: UserRole.ADMIN } ? null : WebhookErrors.AdminOnly;

    /// <summary>
    /// Checks a new or changed endpoint (null means "unchanged" for an update, "missing" for a creation); returns the
    /// normalised events, or the refusal.
    /// </summary>
    public static (string[] Events, DomainError? Error) Check(
        string? url, string? description, IReadOnlyCollection<string>? events, bool allowPrivateTargets, bool creating)
    {
        if (url is not null || creating)
        {
            if (string.IsNullOrWhiteSpace(url)) return ([], WebhookErrors.UrlRequired);
            if (WebhookTargetRules.CheckUrl(url.Trim(), allowPrivateTargets) is { } refusal) return ([], WebhookErrors.TargetNotAllowed(refusal));
        }
        if (description is not null && description.Trim().Length > DescriptionMaxLength) return ([], WebhookErrors.DescriptionTooLong);
        if (events is null) return creating ? ([], WebhookErrors.EventsRequired) : ([], null);
        if (events.Count == 0) return ([], WebhookErrors.EventsRequired);
        if (events.Any(e => !WebhookEventTypes.Subscribable.Contains(e))) return ([], WebhookErrors.UnknownEvent);
        // In the catalogue's order, once each: the stored list reads the same whatever order the client sent.
        return (WebhookEventTypes.Subscribable.Where(events.Contains).ToArray(), null);
    }
}
