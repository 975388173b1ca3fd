using System.Net.Http.Json;
using Arkoa.Core.MailDecisions;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Approve and Reject links of approvers' mails, as the Worker makes them: from the "new request" mail queued for an
/// approver, signed with the in-process Api's key; and the anonymous calls the Web's confirmation page makes.
/// </summary>
public static class MailDecisionKit
{
    /// <summary>The token of the latest "new request" mail about <paramref name="leaveId"/> to <paramref name="approverMembershipId"/>.</summary>
    public static async Task<string> DecisionTokenAsync(this IArkoaApi app, string leaveId, string approverMembershipId, DateTime? signedAt = null)
    {
        var fingerprint = await AccountTestKit.ScalarAsync<string>(await app.DatabaseConnectionStringAsync(), """
            SELECT payload->>'decisionFingerprint' FROM outbox_messages
            WHERE kind = 'leave.submitted' AND payload->>'leaveId' = @leave AND payload->>'recipientMembershipId' = @approver
            ORDER BY created_at DESC, id DESC LIMIT 1
            """, ("leave", leaveId), ("approver", approverMembershipId));
        Assert.True(fingerprint is not null, $"No decidable mail about {leaveId} to {approverMembershipId}.");
        return new DecisionLinkSigner(InProcessApi.MailLinkKey).Sign(new DecisionLink(
            Guid.Parse(leaveId), Guid.Parse(approverMembershipId), long.Parse(fingerprint!), (signedAt ?? DateTime.UtcNow) + DecisionLink.Lifetime));
    }

    /// <summary>Whether a "new request" mail about the leave went to the membership at all.</summary>
    public static async Task<bool> MailedToAsync(this IArkoaApi app, string leaveId, string membershipId) =>
        await AccountTestKit.ScalarAsync<long>(await app.DatabaseConnectionStringAsync(), """
            SELECT count(*) FROM outbox_messages
            WHERE kind = 'leave.submitted' AND payload->>'leaveId' = @leave AND payload->>'recipientMembershipId' = @member
            """, ("leave", leaveId), ("member", membershipId)) > 0;

    public static Task<HttpResponseMessage> PreviewDecisionAsync(this IArkoaApi app, string token) =>
        app.Api().PostAsJsonAsync("/api/mail-decisions/preview", new { token });

    public static Task<HttpResponseMessage> DecideByLinkAsync(this IArkoaApi app, string token, string decision, string? managerNote = null,
        bool? overrideCoverage = null) =>
        app.Api().PostAsJsonAsync("/api/mail-decisions", new { token, decision, managerNote, overrideCoverage });
}
