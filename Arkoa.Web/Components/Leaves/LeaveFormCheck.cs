using Arkoa.Web.Api;
using Arkoa.Web.Components.Forms;

namespace Arkoa.Web.Components.Leaves;

/// <summary>What the request and edit forms do with the Api's refusals, so each lands next to the field that caused it.</summary>
public static class LeaveFormCheck
{
    /// <param name="overlapMessage">Shown next to the first day when the range overlaps another leave and the Api did not say which.</param>
    /// <param name="formTitle">The summary above the form, in the page's language, for a problem without a code.</param>
    public static void Show(FormErrors errors, ApiProblem problem, string overlapMessage, string formTitle)
    {
        switch (problem.Code)
        {
            // A 409 names no field: the clash is about the dates, and the message names the leave it overlaps.
            case "leave-overlap":
                errors.ShowFieldError(nameof(LeaveInput.StartDate), problem.Detail ?? overlapMessage, problem.Title);
                return;
            // The Api files the balance under "type"; to the person it is the number of days that does not fit.
            case "insufficient-balance":
                errors.Show(problem with
                {
                    Errors = problem.Errors.ToDictionary(
                        e => string.Equals(e.Key, "type", StringComparison.OrdinalIgnoreCase) ? nameof(LeaveInput.EndDate) : e.Key, e => e.Value,
                        StringComparer.OrdinalIgnoreCase),
                });
                return;
            default:
                // Without a code (an Api or proxy that sent none) the page's own summary beats a bare status title.
                errors.Show(problem, problem.Code is null && problem.Status == StatusCodes.Status400BadRequest ? formTitle : null);
                return;
        }
    }
}
