using Arkoa.Web.Api;
using Arkoa.Web.Components.Forms;

namespace Arkoa.Web.Components.Leaves;

/// <summary>What the request and edit forms do with the Api's refusals, so each lands next to the field that caused it.</summary>
public static class LeaveFormCheck
{
    /// <param name="overlapMessage">Shown next to the first day when the range overlaps another leave (the Api's 409 names no field).</param>
    /// <param name="formTitle">The summary above the form, in the page's language.</param>
    public static void Show(FormErrors errors, ApiProblem problem, string overlapMessage, string formTitle)
    {
        if (problem.Status == StatusCodes.Status409Conflict && problem.Detail?.Contains("overlaps", StringComparison.OrdinalIgnoreCase) == true)
        {
            errors.ShowFieldError(nameof(LeaveInput.StartDate), overlapMessage, formTitle);
            return;
        }
        errors.Show(problem);
    }
}
