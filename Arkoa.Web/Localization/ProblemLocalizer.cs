using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Arkoa.Web.Api;
using Microsoft.Extensions.Localization;

namespace Arkoa.Web.Localization;

/// <summary>
/// Marker for the words of the Api's problems, keyed by code (Resources/Localization/ProblemMessages.resx in English,
/// .fr.resx in French): "&lt;code&gt;" is the message, "&lt;code&gt;:title" a title of its own.
/// </summary>
public sealed class ProblemMessages;

/// <summary>
/// Puts an <see cref="ApiProblem"/> into the reader's language by its code and values (issue 15 §3): the title, the
/// detail and each field message come from the resources, with numbers, day counts, dates and leave types written in
/// the reader's culture. A code the Web does not know keeps the Api's text.
/// </summary>
public sealed partial class ProblemLocalizer(IStringLocalizer<ProblemMessages> messages, IStringLocalizer<SharedText> text)
{
    private static readonly IReadOnlyDictionary<string, JsonElement> NoValues = new Dictionary<string, JsonElement>();

    public ApiProblem Localize(ApiProblem problem)
    {
        var known = problem.Code is { } code && !messages[code].ResourceNotFound;
        return problem with
        {
            Title = Title(problem),
            Detail = problem.Detail is null ? null : known ? Message(problem.Code!, problem.Values) : problem.Detail,
            Errors = problem.Errors.ToDictionary(e => e.Key, e => FieldMessages(problem, e.Key, e.Value), StringComparer.OrdinalIgnoreCase),
        };
    }

    /// <summary>The code's message with its values, or null when the Web has no words for the code.</summary>
    public string? Message(string code, IReadOnlyDictionary<string, JsonElement> values)
    {
        var template = messages[code];
        return template.ResourceNotFound ? null : Placeholder().Replace(template.Value, m => Format(values, m.Groups["name"].Value, m.Groups["format"].Value));
    }

    /// <summary>"1 day", "2.5 days"; "0,5 jour", "1,5 jour", "2 jours" (French is singular below two).</summary>
    public string Days(decimal days) => Labels.DayCount(text, days);

    // The code's own title, else the one of its kind (status), so a page never shows "Conflict" or "Requête invalide".
    private string Title(ApiProblem problem)
    {
        if (problem.Code is { } code && messages[code + ":title"] is { ResourceNotFound: false } own) return own.Value;
        var general = problem.Status switch
        {
            400 => "invalid-request",
            401 => "not-signed-in",
            403 => "forbidden",
            404 => "not-found",
            409 => "conflict",
            429 => "too-many-requests",
            503 => "unavailable",
            >= 500 => "server-error",
            _ => null,
        };
        return general is not null && messages[general + ":title"] is { ResourceNotFound: false } title ? title.Value : problem.Title;
    }

    private string[] FieldMessages(ApiProblem problem, string field, string[] english)
    {
        var codes = problem.ErrorCodes.TryGetValue(field, out var c) ? c : [];
        var values = problem.ErrorValues.TryGetValue(field, out var v) ? v : [];
        return english.Select((message, i) =>
            i < codes.Length && Message(codes[i], i < values.Length ? values[i] : NoValues) is { } localised ? localised : message).ToArray();
    }

    private string Format(IReadOnlyDictionary<string, JsonElement> values, string name, string format)
    {
        if (!values.TryGetValue(name, out var value)) return "";
        var culture = CultureInfo.CurrentCulture;
        var labels = new Labels(text);
        return format switch
        {
            "days" when value.ValueKind == JsonValueKind.Number => Days(value.GetDecimal()),
            "number" when value.ValueKind == JsonValueKind.Number => value.GetDecimal().ToString("#,0.##", culture),
            "date" when DateOnly.TryParseExact(value.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) =>
                date.ToString("d MMMM yyyy", culture),
            "list" when value.ValueKind == JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(item => item.ToString())),
            "dates" when value.ValueKind == JsonValueKind.Array => string.Join(", ", value.EnumerateArray().Select(item =>
                DateOnly.TryParseExact(item.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? day.ToString("d MMMM yyyy", culture) : item.ToString())),
            "leaveType" => labels.LeaveType(value.GetString()),
            "status" => labels.Status(value.GetString() ?? "").ToLower(culture),
            _ => value.ValueKind == JsonValueKind.String ? value.GetString() ?? "" : value.ToString(),
        };
    }

    // {name} or {name:format}.
    [GeneratedRegex(@"\{(?<name>\w+)(?::(?<format>\w+))?\}")]
    private static partial Regex Placeholder();
}
