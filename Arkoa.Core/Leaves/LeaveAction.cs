namespace Arkoa.Core.Leaves;

/// <summary>What someone may do with an existing leave; the Api sends them as <c>allowedActions</c>.</summary>
public enum LeaveAction { Edit, Cancel, Delete, Approve, Reject, RequestCancel, DeclineCancel, WithdrawCancel }

public static class LeaveActionNames
{
    /// <summary>The wire name: "edit", "cancel", "delete", "approve", "reject", "request-cancel", "decline-cancel", "withdraw-cancel".</summary>
    public static string WireName(this LeaveAction action) => action switch
    {
        LeaveAction.Edit => "edit",
        LeaveAction.Cancel => "cancel",
        LeaveAction.Delete => "delete",
        LeaveAction.Approve => "approve",
        LeaveAction.RequestCancel => "request-cancel",
        LeaveAction.DeclineCancel => "decline-cancel",
        LeaveAction.WithdrawCancel => "withdraw-cancel",
        _ => "reject",
    };
}
