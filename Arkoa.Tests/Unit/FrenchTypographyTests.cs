using System.Text.RegularExpressions;
using System.Xml.Linq;
using Arkoa.Tests.Operations;

namespace Arkoa.Tests.Unit;

/// <summary>
/// French typography in every French text of the Web and the mails (issue 14 §17): a space before ":" ";" "!" "?",
/// and one that never breaks, so a line never starts with the sign alone — a no-break space (U+00A0) before the colon,
/// a narrow one (U+202F) before the others; inside « guillemets » likewise, so a quotation's marks never stand alone at a
/// line's edge. Placeholders ({max:number}), addresses and clock times are not sentences.
/// </summary>
public sealed partial class FrenchTypographyTests
{
    public static TheoryData<string> FrenchResources() => new(
        new[] { "Arkoa.Web", "Arkoa.Worker" }
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(Repository.Root, project), "*.fr.resx", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .Select(path => Path.GetRelativePath(Repository.Root, path)));

    [Theory]
    [MemberData(nameof(FrenchResources))]
    public void Double_signs_follow_a_space_that_never_breaks(string file)
    {
        var wrong = XDocument.Load(Path.Combine(Repository.Root, file)).Root!.Elements("data")
            .SelectMany(data => Mistakes(data.Element("value")?.Value ?? "").Select(mistake => $"\"{data.Attribute("name")?.Value}\": {mistake}"))
            .ToList();
        Assert.True(wrong.Count == 0, $"{file}:\n" + string.Join("\n", wrong));
    }

    [Theory]
    [InlineData("Solde\u00a0: 2 jours", 0)]
    [InlineData("Solde : 2 jours", 1)]
    [InlineData("Solde: 2 jours", 1)]
    [InlineData("Merci\u202f! Prêt\u202f? Oui\u202f; non", 0)]
    [InlineData("Merci ! Prêt? Oui ;", 3)]
    [InlineData("Limite {max:number} à 14:05, voir https://arkoa.dev/a?b=c", 0)]
    [InlineData("Choisissez «\u00a0Importer\u00a0» ou «\u202f+\u202f».", 0)]
    [InlineData("Choisissez « Importer » ou «+».", 4)]
    public void The_check_finds_each_sign_without_its_space(string text, int mistakes) =>
        Assert.Equal(mistakes, Mistakes(text).Count());

    private static IEnumerable<string> Mistakes(string text)
    {
        var prose = NotProse().Replace(text, " ");
        foreach (Match sign in DoubleSign().Matches(prose))
        {
            var before = sign.Index == 0 ? '\0' : prose[sign.Index - 1];
            var wanted = sign.Value == ":" ? '\u00a0' : '\u202f';
            if (before != wanted && !(sign.Value != ":" && before == '\u00a0'))
            {
                yield return $"'{sign.Value}' after {(before == ' ' ? "a breaking space" : $"'{before}'")} in \"{text}\"";
            }
        }
        foreach (Match quote in Guillemet().Matches(prose))
        {
            var inside = quote.Value == "«"
                ? (quote.Index + 1 < prose.Length ? prose[quote.Index + 1] : '\0')
                : (quote.Index == 0 ? '\0' : prose[quote.Index - 1]);
            if (inside is not ('\u00a0' or '\u202f'))
            {
                yield return $"'{quote.Value}' without a no-break space inside in \"{text}\"";
            }
        }
    }

    // Placeholders, web addresses, clock times and a sign repeated or closing a quotation are not French sentences.
    [GeneratedRegex(@"\{[^}]*\}|https?://\S+|\d{1,2}:\d{2}")]
    private static partial Regex NotProse();

    [GeneratedRegex("[:;!?]")]
    private static partial Regex DoubleSign();

    [GeneratedRegex("[«»]")]
    private static partial Regex Guillemet();
}
