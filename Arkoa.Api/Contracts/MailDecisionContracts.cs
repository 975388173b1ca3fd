using System.ComponentModel.DataAnnotations;
using Arkoa.Api.Http;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Contracts;

/// <summary>The token of an Approve or Reject link from an approver's mail (the <c>token</c> of its address).</summary>
public sealed record MailDecisionPreviewRequest([property: Required, StringLength(200)] string? Token);

/// <summary>
/// The decision the approver confirms on the page the mail's link opened: APPROVED or REJECTED (a note required to
/// reject), and <c>overrideCoverage</c> with a note to approve although a team then falls short (SPEC §12).
/// </summary>
public sealed record MailDecisionRequest(
    [property: Required, StringLength(200)] string? Token,
    [property: Required] LeaveStatus? Decision,
    [property: StringLength(Leave.TextMaxLength), MultiLineText] string? ManagerNote,
    bool? OverrideCoverage = null);

/// <summary>
/// What the approver decides on: the request as it stands (its company, member, type, dates and reason), the approver
/// the link was made for (and on whose behalf, when delegated), the step of a chained request (from 1; null without a
/// chain) of <c>stepCount</c>, and until when the link works.
/// </summary>
public sealed record MailDecisionPreviewResponse(
    Guid CompanyId, string CompanyName, Guid LeaveId, string MemberName, string ApproverName, string? OnBehalfOfName,
    LeaveType Type, DateOnly StartDate, DateOnly EndDate, HalfDayPeriod? StartHalf, HalfDayPeriod? EndHalf, decimal Days,
    string? Reason, int? Step, int StepCount, DateTime LinkExpiresAt);

/// <summary>
/// The decision taken: the leave's status now (APPROVED, REJECTED, or PENDING when it moved on to its next step, then
/// <c>step</c>, from 1).
/// </summary>
public sealed record MailDecisionResponse(Guid CompanyId, Guid LeaveId, LeaveStatus Status, int? Step, int StepCount);
