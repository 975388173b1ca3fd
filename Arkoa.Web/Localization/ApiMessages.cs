using System.Collections.Concurrent;
using System.Globalization;
using System.Text.RegularExpressions;
using Arkoa.Web.Api;
using Microsoft.Extensions.Localization;

namespace Arkoa.Web.Localization;

/// <summary>
/// Marker for the Api's messages (problem titles, details and field errors, written in English) translated in
/// Resources/Localization/ApiMessages.fr.resx. A key with placeholders ("Insufficient balance: {0} days requested,
/// {1} remaining.") matches a message with any values in their place.
/// </summary>
public sealed class ApiMessages;

/// <summary>Puts an <see cref="ApiProblem"/> into the request's language; a message without a translation stays as it is.</summary>
public sealed partial class ApiMessageTranslator(IStringLocalizer<ApiMessages> messages)
{
    // Per UI culture: the keys with placeholders, as patterns. Built once from the resources, which never change.
    private static readonly ConcurrentDictionary<string, IReadOnlyList<(Regex Pattern, string Key)>> Templates = new();

    // English is what the Api and this Web already write; there are no English resources to look in.
    public ApiProblem Translate(ApiProblem problem) => WebCultures.Current == WebCultures.English ? problem : problem with
    {
        Title = Translate(problem.Title),
        Detail = problem.Detail is null ? null : Translate(problem.Detail),
        Errors = problem.Errors.ToDictionary(e => e.Key, e => e.Value.Select(Translate).ToArray(), StringComparer.OrdinalIgnoreCase),
    };

    public string Translate(string message)
    {
        var exact = messages[message];
        if (!exact.ResourceNotFound) return exact.Value;

        foreach (var (pattern, key) in TemplatesOfCurrentCulture())
        {
            var match = pattern.Match(message);
            if (match.Success)
            {
                var values = match.Groups.Cast<Group>().Skip(1).Select(g => (object)g.Value).ToArray();
                return messages[key, values].Value;
            }
        }
        return message;
    }

    private IReadOnlyList<(Regex Pattern, string Key)> TemplatesOfCurrentCulture() =>
        Templates.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ =>
            messages.GetAllStrings(includeParentCultures: true)
                .Where(s => Placeholder().IsMatch(s.Name))
                .Select(s => (new Regex("^" + Placeholder().Replace(Regex.Escape(s.Name).Replace(@"\{", "{"), "(.+?)") + "$",
                    RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50)), s.Name))
                .ToList());

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();
}
