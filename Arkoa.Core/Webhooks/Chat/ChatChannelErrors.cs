using Arkoa.Core.Domain;

namespace Arkoa.Core.Webhooks;

/// <summary>The refusals proper to chat channels (the address's are <see cref="WebhookErrors"/>').</summary>
public static class ChatChannelErrors
{
    public static readonly DomainError KindRequired = new(ProblemCodes.InvalidChoice, DomainErrorKind.Validation,
        "Choose among: SLACK, TEAMS.", "kind", new Dictionary<string, object?> { ["allowed"] = new[] { "SLACK", "TEAMS" } });

    public static readonly DomainError NameRequired = new(ProblemCodes.Required, DomainErrorKind.Validation,
        "This field is required.", "name");

    public static readonly DomainError NameTooLong = new(ProblemCodes.TooLong, DomainErrorKind.Validation,
        $"At most {ChatChannelRules.NameMaxLength} characters.", "name",
        new Dictionary<string, object?> { ["max"] = ChatChannelRules.NameMaxLength });

    public static readonly DomainError UnknownLanguage = new(ProblemCodes.InvalidChoice, DomainErrorKind.Validation,
        "Choose among: fr, en.", "language", new Dictionary<string, object?> { ["allowed"] = ChatChannelRules.Languages });

    public static readonly DomainError UnknownEvent = new(ProblemCodes.InvalidChoice, DomainErrorKind.Validation,
        $"Choose among: {string.Join(", ", ChatChannelRules.Subscribable)}.", "events",
        new Dictionary<string, object?> { ["allowed"] = ChatChannelRules.Subscribable });
}
