namespace Arkoa.Web.Api;

// Wire shapes of the Api's mail decision endpoints: the Approve and Reject links of approvers' mails (SPEC §11).

/// <summary>The request a mail's decision link is about, as it stands, and the approver the link was made for.</summary>
public sealed record MailDecisionPreview(
    string CompanyId, string CompanyName, string LeaveId, string MemberName, string ApproverName, string? OnBehalfOfName,
    string Type, DateOnly StartDate, DateOnly EndDate, string? StartHalf, string? EndHalf, decimal Days, string? Reason,
    int? Step, int StepCount, DateTime LinkExpiresAt);

/// <summary>The decision taken: APPROVED, REJECTED, or PENDING when the request moved on to its next step.</summary>
public sealed record MailDecisionOutcome(string CompanyId, string LeaveId, string Status, int? Step, int StepCount);

internal sealed record MailDecisionPreviewRequest(string Token);

internal sealed record MailDecisionRequest(string Token, string Decision, string? ManagerNote, bool? OverrideCoverage);
