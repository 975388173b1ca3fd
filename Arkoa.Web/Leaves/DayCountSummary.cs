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
/// <param name="Notice">
/// What the dates meet in the member's teams without being refused (SPEC §12): a busy period, a day the team would fall
/// short of its rule, the teammates away; or null.
/// </param>
public sealed record DayCountSummary(string Text, string? Warning, string? Notice = null)
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

        var capacity = count.Capacity ?? new RequestCapacity([], [], []);
        string? warning = null;
        if (count.Days == 0)
        {
            warning = text["These dates hold no working day: choose at least one."];
        }
        else if (capacity.Blackouts.FirstOrDefault(b => b.Refuses) is { } blackout)
        {
            warning = text["These dates fall in the blackout period {0} ({1}): this type of leave cannot be taken then.", blackout.Name, Period(blackout)];
        }
        else if (count.Balance is { AfterDays: < 0 } over)
        {
            warning = text["That is {0} more than the balance.", Labels.DayCount(text, -over.AfterDays)];
        }
        return new DayCountSummary(words, warning, NoticeOf(capacity, text));
    }

    /// <summary>The sentences about a busy period, a team falling short and the teammates away, or null for none.</summary>
    private static string? NoticeOf(RequestCapacity capacity, IStringLocalizer<SharedText> text)
    {
        var sentences = new List<string>();
        sentences.AddRange(capacity.Blackouts.Where(b => !b.Refuses)
            .Select(b => text["{0} ({1}) is a busy period: your manager will see it.", b.Name, Period(b)].Value));
        sentences.AddRange(capacity.CoverageBreaches.GroupBy(b => b.TeamName)
            .Select(team => text["{0} would be short of people on {1}.", team.Key, string.Join(", ", team.Select(b => Day(b.Date)))].Value));
        if (capacity.TeammatesAway.Count > 0)
        {
            sentences.Add(text["Away in your team then: {0}.", string.Join(", ", capacity.TeammatesAway.Select(t => t.Name).Distinct())]);
        }
        return sentences.Count == 0 ? null : string.Join(" ", sentences);
    }

    private static string Period(BlackoutPeriod period) => period.StartDate == period.EndDate
        ? Day(period.StartDate)
        : $"{Day(period.StartDate)} – {Day(period.EndDate)}";

    private static string Day(DateOnly date) => date.ToString("ddd d MMM", System.Globalization.CultureInfo.CurrentCulture);
}
