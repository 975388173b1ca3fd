using System.Text.RegularExpressions;
using System.Xml.Linq;
using Arkoa.Tests.Operations;

namespace Arkoa.Tests.Unit;

/// <summary>
/// The Web is written in English and translated in .fr.resx files (English text is the key). Every string a page
/// asks for must have its French, and no French may be left behind for a string no page uses any more.
/// </summary>
public sealed partial class WebTranslationTests
{
    private static readonly string Web = Path.Combine(Repository.Root, "Arkoa.Web");
    private static readonly string SharedResx = Path.Combine(Web, "Resources", "Localization", "SharedText.fr.resx");
    private static readonly string ProblemMessagesResx = Path.Combine(Web, "Resources", "Localization", "ProblemMessages.fr.resx");

    [Fact]
    public void Every_string_of_every_component_has_its_french_translation()
    {
        var missing = new List<string>();
        foreach (var component in Directory.EnumerateFiles(Path.Combine(Web, "Components"), "*.razor", SearchOption.AllDirectories))
        {
            var keys = Keys(OwnLocalizer(), File.ReadAllText(component));
            if (keys.Count == 0) continue;
            var resx = ResxFor(component);
            var translated = File.Exists(resx) ? Translations(resx) : [];
            missing.AddRange(keys.Where(k => !translated.ContainsKey(k)).Select(k => $"{Path.GetRelativePath(Web, component)}: \"{k}\""));
        }
        Assert.True(missing.Count == 0, "No French for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_shared_string_has_its_french_translation()
    {
        var translated = Translations(SharedResx);
        var missing = SourceFiles().SelectMany(f => Keys(SharedLocalizer(), File.ReadAllText(f)).Select(k => (File: f, Key: k)))
            .Where(use => !translated.ContainsKey(use.Key))
            .Select(use => $"{Path.GetRelativePath(Web, use.File)}: \"{use.Key}\"").ToList();
        Assert.True(missing.Count == 0, "No French in SharedText.fr.resx for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_translation_is_left_for_a_string_nothing_uses()
    {
        var stale = new List<string>();
        foreach (var resx in Directory.EnumerateFiles(Path.Combine(Web, "Resources"), "*.fr.resx", SearchOption.AllDirectories))
        {
            HashSet<string> used;
            if (resx == ProblemMessagesResx)
            {
                continue; // Keyed by problem code: ProblemMessageTests checks them against the catalogue.
            }
            if (resx == SharedResx)
            {
                used = [.. SourceFiles().SelectMany(f => Keys(SharedLocalizer(), File.ReadAllText(f)))];
            }
            else
            {
                var component = Path.Combine(Web, Path.GetRelativePath(Path.Combine(Web, "Resources"), resx)).Replace(".fr.resx", ".razor");
                used = File.Exists(component) ? Keys(OwnLocalizer(), File.ReadAllText(component)) : [];
            }
            stale.AddRange(Translations(resx).Keys.Where(k => !used.Contains(k)).Select(k => $"{Path.GetRelativePath(Web, resx)}: \"{k}\""));
        }
        Assert.True(stale.Count == 0, "Translations nothing uses:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Every_translation_keeps_the_placeholders_of_its_english()
    {
        var broken = new List<string>();
        foreach (var resx in Directory.EnumerateFiles(Path.Combine(Web, "Resources"), "*.fr.resx", SearchOption.AllDirectories))
        {
            foreach (var (english, french) in Translations(resx))
            {
                var expected = Placeholder().Matches(english).Select(m => m.Value).Order().ToList();
                var actual = Placeholder().Matches(french).Select(m => m.Value).Order().ToList();
                if (!expected.SequenceEqual(actual)) broken.Add($"{Path.GetRelativePath(Web, resx)}: \"{english}\" → \"{french}\"");
            }
        }
        Assert.True(broken.Count == 0, "Placeholders differ:\n" + string.Join("\n", broken));
    }

    private static IEnumerable<string> SourceFiles() =>
        Directory.EnumerateFiles(Web, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    // Resources/<the component's path under the project>.fr.resx, as ResourcesPath = "Resources" expects.
    private static string ResxFor(string component) =>
        Path.Combine(Web, "Resources", Path.ChangeExtension(Path.GetRelativePath(Web, component), null) + ".fr.resx");

    private static HashSet<string> Keys(Regex localizer, string source) =>
        [.. localizer.Matches(source).Select(m => Regex.Unescape(m.Groups["key"].Value))];

    private static Dictionary<string, string> Translations(string resx) =>
        XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    // L["..."]: the component's own localizer.
    [GeneratedRegex("""(?<![\w.])L\["(?<key>(?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex OwnLocalizer();

    // Text["..."] in components, text["..."] in C# classes: IStringLocalizer<SharedText>.
    [GeneratedRegex("""(?<![\w.])[Tt]ext\["(?<key>(?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex SharedLocalizer();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
