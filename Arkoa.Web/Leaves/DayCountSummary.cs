using Arkoa.Web.Api;
using Arkoa.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Arkoa.Web.Leaves;

/// <summary>
/// The request form's day count in words (issue 14 §9): "1 working day (Noël excluded) · balance after: 2.5 days",
/// with a warning when the request does not fit the balance or counts no working day. One phrasing for the page the
/// server renders and for the live count the script asks for, so both say the same.
/// </summary>
/// <param name="Text">What the count is; never empty.</param>
/// <param name="Warning">Why the request will be refused as it stands, or null.</param>
public sealed record DayCountSummary(string Text, string? Warning)
{
    public static DayCountSummary Of(DayCount count, IStringLocalizer<SharedText> text)
    {
        var days = Labels.IsSingularDayCount(count.Days)
            ? text["{0} working day", Labels.Days(count.Days)] : text["{0} working days", Labels.Days(count.Days)];
        var words = count.Holidays.Count == 0
            ? days.Value
            : $"{days} {text["({0} excluded)", string.Join(", ", count.Holidays.Select(h => h.Name))]}";
        if (count.Balance is { } balance)
        {
            words += text[" · balance after: {0}", Labels.DayCount(text, balance.AfterDays)];
        }

        string? warning = null;
        if (count.Days == 0)
        {
            warning = text["These dates hold no working day: choose at least one."];
        }
        else if (count.Balance is { AfterDays: < 0 } over)
        {
            warning = text["That is {0} more than the balance.", Labels.DayCount(text, -over.AfterDays)];
        }
        return new DayCountSummary(words, warning);
    }
}
