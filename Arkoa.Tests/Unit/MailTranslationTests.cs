using System.Text.RegularExpressions;
using System.Xml.Linq;
using Arkoa.Tests.Operations;

namespace Arkoa.Tests.Unit;

/// <summary>
/// The Worker's mails are written in English and translated in .fr.resx files, as the Web's pages (English text is the
/// key): a template's own words (L["…"]) in Resources/Mail/Templates/&lt;template&gt;.fr.resx, the words all mails
/// share (text["…"] in MailFormat) in Resources/Mail/MailWords.fr.resx. Every one must have its French, and no French
/// may be left for a string nothing asks for.
/// </summary>
public sealed partial class MailTranslationTests
{
    private static readonly string Worker = Path.Combine(Repository.Root, "Arkoa.Worker");
    private static readonly string Mail = Path.Combine(Worker, "Mail");
    private static readonly string WordsResx = Path.Combine(Worker, "Resources", "Mail", "MailWords.fr.resx");

    [Fact]
    public void Every_string_of_every_mail_template_has_its_french_translation()
    {
        var templates = Directory.EnumerateFiles(Path.Combine(Mail, "Templates"), "*.cs").ToList();
        Assert.NotEmpty(templates);
        var missing = new List<string>();
        foreach (var template in templates)
        {
            var keys = Keys(OwnLocalizer(), File.ReadAllText(template));
            var resx = ResxFor(template);
            var translated = File.Exists(resx) ? Translations(resx) : [];
            missing.AddRange(keys.Where(k => !translated.ContainsKey(k)).Select(k => $"{Path.GetFileName(template)}: \"{k}\""));
        }
        Assert.True(missing.Count == 0, "No French for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void Every_shared_mail_word_has_its_french_translation()
    {
        var used = SharedKeys();
        Assert.NotEmpty(used);
        var translated = Translations(WordsResx);
        var missing = used.Where(k => !translated.ContainsKey(k)).ToList();
        Assert.True(missing.Count == 0, "No French in MailWords.fr.resx for:\n" + string.Join("\n", missing));
    }

    [Fact]
    public void No_mail_translation_is_left_for_a_string_nothing_uses()
    {
        var stale = new List<string>();
        foreach (var resx in Directory.EnumerateFiles(Path.Combine(Worker, "Resources"), "*.fr.resx", SearchOption.AllDirectories))
        {
            HashSet<string> used = resx == WordsResx
                ? SharedKeys()
                : File.Exists(TemplateFor(resx)) ? Keys(OwnLocalizer(), File.ReadAllText(TemplateFor(resx))) : [];
            stale.AddRange(Translations(resx).Keys.Where(k => !used.Contains(k)).Select(k => $"{Path.GetRelativePath(Worker, resx)}: \"{k}\""));
        }
        Assert.True(stale.Count == 0, "Translations nothing uses:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Every_mail_translation_keeps_the_placeholders_of_its_english()
    {
        var broken = new List<string>();
        foreach (var resx in Directory.EnumerateFiles(Path.Combine(Worker, "Resources"), "*.fr.resx", SearchOption.AllDirectories))
        {
            foreach (var (english, french) in Translations(resx))
            {
                var expected = Placeholder().Matches(english).Select(m => m.Value).Order().ToList();
                var actual = Placeholder().Matches(french).Select(m => m.Value).Order().ToList();
                if (!expected.SequenceEqual(actual)) broken.Add($"{Path.GetRelativePath(Worker, resx)}: \"{english}\" → \"{french}\"");
            }
        }
        Assert.True(broken.Count == 0, "Placeholders differ:\n" + string.Join("\n", broken));
    }

    private static HashSet<string> SharedKeys() =>
        [.. Directory.EnumerateFiles(Mail, "*.cs", SearchOption.AllDirectories).SelectMany(f => Keys(SharedLocalizer(), File.ReadAllText(f)))];

    // Resources/Mail/Templates/<template>.fr.resx, as ResourcesPath = "Resources" expects for IStringLocalizer<template>.
    private static string ResxFor(string template) =>
        Path.Combine(Worker, "Resources", Path.ChangeExtension(Path.GetRelativePath(Worker, template), null) + ".fr.resx");

    private static string TemplateFor(string resx) =>
        Path.Combine(Worker, Path.GetRelativePath(Path.Combine(Worker, "Resources"), resx)).Replace(".fr.resx", ".cs");

    private static HashSet<string> Keys(Regex localizer, string source) =>
        [.. localizer.Matches(source).Select(m => Regex.Unescape(m.Groups["key"].Value))];

    private static Dictionary<string, string> Translations(string resx) =>
        XDocument.Load(resx).Root!.Elements("data")
            .ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);

    // L["..."]: the template's own IStringLocalizer<TheTemplate>.
    [GeneratedRegex("""(?<![\w.])L\["(?<key>(?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex OwnLocalizer();

    // text["..."]: IStringLocalizer<MailWords>, in MailFormat.
    [GeneratedRegex("""(?<![\w.])text\["(?<key>(?:[^"\\]|\\.)*)"[\],]""")]
    private static partial Regex SharedLocalizer();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex Placeholder();
}
