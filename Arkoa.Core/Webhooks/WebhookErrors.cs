using Arkoa.Core.Domain;

namespace Arkoa.Core.Webhooks;

/// <summary>Every refusal about webhook endpoints, with its stable code (<see cref="ProblemCodes"/>).</summary>
public static class WebhookErrors
{
    public static readonly DomainError AdminOnly = new(ProblemCodes.AdminOnlyWebhooks, DomainErrorKind.Forbidden,
        "Only an admin of the company can manage its webhooks.");

    public static readonly DomainError UrlRequired = new(ProblemCodes.Required, DomainErrorKind.Validation,
        "This field is required.", "url");

    public static readonly DomainError DescriptionTooLong = new(ProblemCodes.TooLong, DomainErrorKind.Validation,
        $"At most {WebhookRules.DescriptionMaxLength} characters.", "description",
        new Dictionary<string, object?> { ["max"] = WebhookRules.DescriptionMaxLength });

    public static readonly DomainError EventsRequired = new(ProblemCodes.Required, DomainErrorKind.Validation,
        "This field is required.", "events");

    public static readonly DomainError UnknownEvent = new(ProblemCodes.InvalidChoice, DomainErrorKind.Validation,
        $"Choose among: {string.Join(", ", WebhookEventTypes.Subscribable)}.", "events",
        new Dictionary<string, object?> { ["allowed"] = WebhookEventTypes.Subscribable });

    public static readonly DomainError TooMany = new(ProblemCodes.TooManyWebhooks, DomainErrorKind.Conflict,
        $"The company already has {WebhookRules.MaxEndpointsPerCompany} webhook endpoints: delete one first.", null,
        new Dictionary<string, object?> { ["max"] = WebhookRules.MaxEndpointsPerCompany });

    public static readonly DomainError DeliveryNotDead = new(ProblemCodes.WebhookDeliveryNotDead, DomainErrorKind.Conflict,
        "Only a dead-lettered delivery can be sent again; this one is delivered or still being tried.");

    /// <summary>The address is refused; <paramref name="reason"/> (<see cref="WebhookTargetRefusal"/>) says why.</summary>
    public static DomainError TargetNotAllowed(WebhookTargetRefusal reason) => new(ProblemCodes.WebhookUrlNotAllowed,
        DomainErrorKind.Validation, WebhookTargetRules.Explain(reason), "url",
        new Dictionary<string, object?> { ["reason"] = WebhookTargetRules.ReasonCode(reason) });
}
