using Arkoa.Core.Domain;

namespace Arkoa.Core.MailDecisions;

/// <summary>Every refusal of a decision link from an approver's mail, with its stable code (<see cref="ProblemCodes"/>).</summary>
public static class DecisionLinkErrors
{
    /// <summary>Not a link Arkoa signed (cut, altered, or signed with another deployment's key).</summary>
    public static readonly DomainError Invalid = new(ProblemCodes.InvalidLink, DomainErrorKind.Validation,
        "This link is invalid. Open the request in Arkoa instead.", "token");

    public static readonly DomainError Expired = new(ProblemCodes.LinkExpired, DomainErrorKind.Validation,
        "This link has expired. Open the request in Arkoa instead.", "token");

    /// <summary>
    /// The request was decided, withdrawn, edited or moved on since the mail: the link decides nothing more. Its values
    /// say where the request is, for a link to it.
    /// </summary>
    public static DomainError Used(Guid companyId, Guid leaveId) => new(ProblemCodes.DecisionLinkUsed, DomainErrorKind.Gone,
        "This request was decided or changed since this mail was sent. Open it in Arkoa to see where it stands.", "token",
        new Dictionary<string, object?> { ["companyId"] = companyId, ["leaveId"] = leaveId });

    /// <summary>The approver the link was made for is no longer an active member of the company.</summary>
    public static readonly DomainError NotAMember = new(ProblemCodes.Forbidden, DomainErrorKind.Forbidden,
        "You are not allowed to do this.");
}
