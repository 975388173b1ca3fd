namespace Arkoa.Web.Components.Leaves;

/// <summary>One answer to a member's request to cancel their leave, as posted: which leave, whose, the version seen, accept or decline, why.</summary>
public sealed class CancelAnswerInput
{
    public const string Accept = "CANCEL_ACCEPTED";
    public const string Decline = "CANCEL_DECLINED";

    public string? LeaveId { get; set; }

    public string? MembershipId { get; set; }

    public int? Version { get; set; }

    /// <summary>The button pressed: <see cref="Accept"/> or <see cref="Decline"/>.</summary>
    public string? Answer { get; set; }

    public string? ManagerNote { get; set; }
}
