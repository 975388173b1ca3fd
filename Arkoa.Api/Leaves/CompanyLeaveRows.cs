using Arkoa.Api.Contracts;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Leaves;

/// <summary>The one SQL projection of a leave into a company list's row (whose it is, who last reviewed it).</summary>
public static class CompanyLeaveRows
{
    /// <summary>The rows, their <c>allowedActions</c> still empty: they depend on who asks (<see cref="CompanyLeaveResponse.For"/>).</summary>
    public static IQueryable<CompanyLeaveResponse> AsCompanyLeaves(this IQueryable<Leave> leaves, ArkoaDbContext db) =>
        leaves.Select(l => new CompanyLeaveResponse(
            l.Id, l.MembershipId, l.Membership!.User!.Name, l.Membership.Active, l.Type, l.StartDate, l.EndDate, l.StartHalf, l.EndHalf,
            l.Days, l.Status, l.Reason, l.ManagerNote, l.ReviewedById, l.ReviewedAt, l.Version, l.CreatedAt, Array.Empty<string>(),
            db.Users.Where(u => u.Id == l.ReviewedById).Select(u => u.Name).FirstOrDefault(), l.CancelRequestedAt, l.CancelRequestReason,
            l.ApprovalStep == null ? null : new LeaveApprovalSummary(l.ApprovalStep.Value + 1, l.ApprovalStepCount, false)));
}
