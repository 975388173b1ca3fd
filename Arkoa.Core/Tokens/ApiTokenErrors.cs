using Arkoa.Core.Domain;

namespace Arkoa.Core.Tokens;

/// <summary>Every refusal of creating a personal API token, with its stable code (<see cref="ProblemCodes"/>).</summary>
public static class ApiTokenErrors
{
    public static readonly DomainError NameRequired = new(ProblemCodes.Required, DomainErrorKind.Validation,
        "This field is required.", "name");

    public static readonly DomainError NameTooLong = new(ProblemCodes.TooLong, DomainErrorKind.Validation,
        $"At most {ApiTokenRules.NameMaxLength} characters.", "name", new Dictionary<string, object?> { ["max"] = ApiTokenRules.NameMaxLength });

    public static readonly DomainError ScopesRequired = new(ProblemCodes.Required, DomainErrorKind.Validation,
        "This field is required.", "scopes");

    public static readonly DomainError UnknownScope = new(ProblemCodes.InvalidChoice, DomainErrorKind.Validation,
        "Choose one of: read, write, approve.", "scopes", new Dictionary<string, object?> { ["allowed"] = ApiTokenScopeNames.Names });

    public static readonly DomainError ExpiryOutOfRange = new(ProblemCodes.OutOfRange, DomainErrorKind.Validation,
        $"A value from 1 to {ApiTokenRules.MaxLifetimeDays}.", "expiresInDays",
        new Dictionary<string, object?> { ["min"] = 1, ["max"] = ApiTokenRules.MaxLifetimeDays });

    /// <summary>Not an active member of the company, or no such company: both look the same.</summary>
    public static readonly DomainError NotAMember = new(ProblemCodes.Forbidden, DomainErrorKind.Forbidden,
        "You are not allowed to do this.");

    public static readonly DomainError ApproveNeedsManager = new(ProblemCodes.TokenScopeNotYours, DomainErrorKind.Forbidden,
        "Only a manager of the company can give a token the approve scope.", "scopes",
        new Dictionary<string, object?> { ["scope"] = "approve" });

    public static readonly DomainError TooMany = new(ProblemCodes.TooManyTokens, DomainErrorKind.Conflict,
        $"You already have {ApiTokenRules.MaxTokensPerPerson} API tokens: revoke one first.", null,
        new Dictionary<string, object?> { ["max"] = ApiTokenRules.MaxTokensPerPerson });
}
