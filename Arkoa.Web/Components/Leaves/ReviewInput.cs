namespace Arkoa.Web.Components.Leaves;

/// <summary>One review form of the approvals page, as posted: which leave, the version seen, the decision and the note.</summary>
public sealed class ReviewInput
{
    public const string Approve = "APPROVED";
    public const string Reject = "REJECTED";

    public string? LeaveId { get; set; }

    public int? Version { get; set; }

    /// <summary>The button pressed: APPROVED or REJECTED.</summary>
    public string? Decision { get; set; }

    public string? ManagerNote { get; set; }

    /// <summary>Approve although a team falls short of its coverage rule (SPEC §12); the note says why.</summary>
    public bool OverrideCoverage { get; set; }
}
