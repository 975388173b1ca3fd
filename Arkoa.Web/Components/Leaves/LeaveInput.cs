using System.Globalization;
using Arkoa.Web.Api;

namespace Arkoa.Web.Components.Leaves;

/// <summary>The leave request and edit forms' fields, as posted (what the user typed survives an error).</summary>
public sealed class LeaveInput
{
    public const string Preview = "preview";

    public string Type { get; set; } = "PAID";

    public DateOnly? StartDate { get; set; }

    public DateOnly? EndDate { get; set; }

    public bool StartsAfternoon { get; set; }

    public bool EndsAtNoon { get; set; }

    public string? Reason { get; set; }

    /// <summary>"preview" when the "count the days" button sent the form (without JavaScript): count, do not save.</summary>
    public string? Intent { get; set; }

    /// <summary>The version of the leave the user is editing (a stale one is refused by the Api).</summary>
    public int? Version { get; set; }

    // The Api names its half-day errors startHalf/endHalf; these let FormErrors put them next to the checkboxes.
    public string? StartHalf => StartsAfternoon ? "AFTERNOON" : null;

    public string? EndHalf => EndsAtNoon ? "MORNING" : null;

    public bool IsPreview => Intent == Preview;

    public static LeaveInput From(Leave leave) => new()
    {
        Type = leave.Type,
        StartDate = leave.StartDate,
        EndDate = leave.EndDate,
        StartsAfternoon = leave.StartHalf == "AFTERNOON",
        EndsAtNoon = leave.EndHalf == "MORNING",
        Reason = leave.Reason,
        Version = leave.Version,
    };

    /// <summary>Call once both dates are known.</summary>
    public LeaveDraft ToDraft() => new(Type, StartDate!.Value, EndDate!.Value, StartHalf, EndHalf,
        string.IsNullOrWhiteSpace(Reason) ? null : Reason.Trim());

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
