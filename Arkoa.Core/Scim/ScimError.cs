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
}
