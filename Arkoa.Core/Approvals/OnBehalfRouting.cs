namespace Arkoa.Core.Approvals;

/// <summary>
/// A request someone submits (or edits) for a member follows the approval chain, unless that person is an approver of
/// every step it would take (SPEC §11): the chain then adds nothing, and the request is decided as without one (§10),
/// so its author can record and approve it at once.
/// </summary>
public static class OnBehalfRouting
{
    public static IReadOnlyList<ResolvedStep> Apply(IReadOnlyList<ResolvedStep> steps, Guid memberId, Guid submitterId) =>
        submitterId != memberId && steps.Count > 0 && steps.All(s => s.Approvers.Any(a => a.MembershipId == submitterId)) ? [] : steps;
}
