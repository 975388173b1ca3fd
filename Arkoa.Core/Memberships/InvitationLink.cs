using Arkoa.Core.Domain;

namespace Arkoa.Core.Memberships;

/// <summary>
/// What a mailed invitation link still opens (issue 14 §10): the person holding it is told exactly why it no longer
/// works — already accepted, sent again since (a newer mail holds the working link), or expired — so they know whom to
/// ask or where to go, instead of one "unknown, expired or accepted" for all.
/// </summary>
public static class InvitationLink
{
    /// <summary>
    /// The refusal of a link to <paramref name="invitation"/>, or null when it is open. <paramref name="replaced"/>:
    /// the link is one the invitation had before it was sent again. Acceptance comes first (whichever link is held, the
    /// person is in), then replacement (the newer mail is the one to open, even if this one has expired too).
    /// </summary>
    public static DomainError? Check(Invitation invitation, bool replaced, string companyName, string invitedByName, DateTime now)
    {
        var values = new Dictionary<string, object?> { ["companyName"] = companyName, ["invitedByName"] = invitedByName };
        if (invitation.AcceptedAt is not null)
        {
            return new(ProblemCodes.InvitationAccepted, DomainErrorKind.Gone,
                $"This invitation to {companyName} was already accepted: sign in with the invited address to open the company.", Values: values);
        }
        if (replaced)
        {
            return new(ProblemCodes.InvitationReplaced, DomainErrorKind.Gone,
                $"{invitedByName} sent a newer invitation to {companyName} to the same address: open the latest invitation mail.", Values: values);
        }
        if (invitation.ExpiresAt <= now)
        {
            return new(ProblemCodes.InvitationExpired, DomainErrorKind.Gone,
                $"This invitation to {companyName} has expired: ask {invitedByName} to send a new one.", Values: values);
        }
        return null;
    }
}
