namespace Arkoa.Core.Scim;

/// <summary>
/// A refusal in SCIM's own shape (RFC 7644 §3.12): the HTTP status, the <c>scimType</c> keyword a provisioning client
/// acts on (null where the RFC defines none, e.g. 404), and a sentence naming the problem.
/// </summary>
public sealed record ScimError(int Status, string? ScimType, string Detail)
{
    public static ScimError InvalidSyntax(string detail) => new(400, "invalidSyntax", detail);
    public static ScimError InvalidValue(string detail) => new(400, "invalidValue", detail);
    public static ScimError InvalidPath(string detail) => new(400, "invalidPath", detail);
    public static ScimError InvalidFilter(string detail) => new(400, "invalidFilter", detail);
    public static ScimError NoTarget(string detail) => new(400, "noTarget", detail);
    public static ScimError Mutability(string detail) => new(400, "mutability", detail);
    public static ScimError Uniqueness(string detail) => new(409, "uniqueness", detail);
    public static ScimError NotFound(string detail) => new(404, null, detail);

    /// <summary>
    /// A refusal of Arkoa's own rules in SCIM's terms: a name taken is 409 <c>uniqueness</c>; another conflict (the
    /// default team, a team with sub-teams) is a 400 <c>mutability</c>, something this resource does not allow; a value
    /// refused is <c>invalidValue</c>; what does not exist is 404.
    /// </summary>
    public static ScimError From(Domain.DomainError error) => error.Kind switch
    {
        Domain.DomainErrorKind.NotFound => NotFound(error.Message),
        Domain.DomainErrorKind.Conflict when error.Code == Domain.ProblemCodes.TeamNameTaken => Uniqueness(error.Message),
        Domain.DomainErrorKind.Conflict => Mutability(error.Message),
        _ => InvalidValue(error.Message),
    };
}
