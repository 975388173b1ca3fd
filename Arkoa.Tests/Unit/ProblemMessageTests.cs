using System.Text.RegularExpressions;
using System.Xml.Linq;
using Arkoa.Core.Domain;
using Arkoa.Tests.Operations;

namespace Arkoa.Tests.Unit;

/// <summary>
/// The Web localises the Api's problems by code (issue 15 §3): every code of the catalogue has its words in English and
/// in French, no resource is left for a code that does not exist, and both languages use the same values.
/// </summary>
public sealed partial class ProblemMessageTests
{
    private static readonly string Resources = Path.Combine(Repository.Root, "Arkoa.Web", "Resources", "Localization");

    public static TheoryData<string> Languages => new() { "ProblemMessages.resx", "ProblemMessages.fr.resx" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_code_of_the_catalogue_has_its_message(string file)
    {
        var keys = Messages(file).Keys.ToHashSet();
        var missing = ProblemCodes.All.Where(code => !keys.Contains(code)).ToList();
        Assert.True(missing.Count == 0, $"No message in {file} for:\n" + string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_resource_is_a_known_code_or_its_title(string file)
    {
        var dead = Messages(file).Keys.Where(key => !ProblemCodes.All.Contains(key.EndsWith(":title", StringComparison.Ordinal) ? key[..^":title".Length] : key)).ToList();
        Assert.True(dead.Count == 0, $"Resources of {file} for no code:\n" + string.Join("\n", dead));
    }

    [Fact]
    public void English_and_french_have_the_same_keys_and_use_the_same_values()
    {
        var english = Messages("ProblemMessages.resx");
        var french = Messages("ProblemMessages.fr.resx");
        Assert.Equal(english.Keys.Order(), french.Keys.Order());
        var differ = english.Where(e => !Placeholders(e.Value).SetEquals(Placeholders(french[e.Key]))).Select(e => e.Key).ToList();
        Assert.True(differ.Count == 0, "Placeholders differ for:\n" + string.Join("\n", differ));
    }

    [Fact]
    public void Codes_are_kebab_case_and_never_repeated()
    {
        Assert.Equal(ProblemCodes.All.Count, ProblemCodes.All.Distinct().Count());
        Assert.All(ProblemCodes.All, code => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", code));
    }

    private static HashSet<string> Placeholders(string text) => [.. Placeholder().Matches(text).Select(m => m.Value)];

    private static Dictionary<string, string> Messages(string file) =>
        XDocument.Load(Path.Combine(Resources, file)).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    [GeneratedRegex(@"\{\w+(:\w+)?\}")]
    private static partial Regex Placeholder();
}
