namespace Arkoa.Web.Api;

/// <summary>The company's approval chain (SPEC §11): its name and ordered steps.</summary>
public sealed record ApprovalChain(string Id, string Name, IReadOnlyList<ApprovalChainStep> Steps);

/// <summary>
/// A step: who approves (TEAM_MANAGERS, PARENT_TEAM_MANAGERS, COMPANY_MANAGERS, COMPANY_ADMINS, NAMED_MEMBER), ANY or
/// ALL of them, and when it applies (types: empty for all; more than so many working days; the balance going below zero;
/// the request falling in a blackout period).
/// </summary>
public sealed record ApprovalChainStep(
    string Approvers, string? NamedMembershipId, string Mode = "ANY", IReadOnlyList<string>? LeaveTypes = null, decimal? MoreThanDays = null,
    bool WhenBalanceGoesNegative = false, bool WhenInBlackout = false);

/// <summary>A member whose requests go to a chosen approver instead of their team managers.</summary>
public sealed record MemberApprover(string MembershipId, string MemberName, string ApproverMembershipId, string ApproverName);

internal sealed record SaveApprovalChain(string Name, IReadOnlyList<ApprovalChainStep> Steps);

internal sealed record SaveMemberApprover(string ApproverMembershipId);
