using System.Globalization;
using System.Text.RegularExpressions;
using Arkoa.Tests.Operations;

namespace Arkoa.Tests.Unit;

/// <summary>
/// AA contrast of the Web's palette in both themes (issue 14 §15), read from the stylesheets themselves: each colour is
/// light-dark(light, dark), and the pairs the pages draw text with are 4.5:1, the leave types' marks 3:1 against the
/// surface, in each theme. Axe checks the text it finds on real pages; this also covers marks and states no page shows.
/// </summary>
public sealed partial class ThemeContrastTests
{
    private static readonly string WwwRoot = Path.Combine(Repository.Root, "Arkoa.Web", "wwwroot");

    /// <summary>Text colour and the background it is drawn on, by variable name.</summary>
    public static TheoryData<string, string> TextPairs => new()
    {
        { "--color-text", "--color-background" },
        { "--color-text", "--color-surface" },
        { "--color-muted", "--color-background" },
        { "--color-muted", "--color-surface" },
        { "--color-primary", "--color-surface" },
        { "--color-primary", "--color-background" },
        { "--color-primary-dark", "--color-surface" },
        { "--color-on-primary", "--color-primary" },
        { "--color-on-primary", "--color-primary-dark" },
        { "--color-on-primary", "--color-danger" },
        { "--color-on-primary", "--color-danger-dark" },
        { "--color-danger", "--color-surface" },
        { "--color-danger", "--color-danger-background" },
        { "--color-notice-text", "--color-primary-soft" },
        { "--color-text", "--color-primary-soft" },
        { "--color-success-text", "--color-success-background" },
        { "--color-warning-text", "--color-warning-background" },
        { "--color-pending-text", "--color-pending-background" },
        { "--color-rejected-text", "--color-rejected-background" },
        { "--color-canceled-text", "--color-canceled-background" },
        { "--color-text", "--color-closed-background" },
        { "--color-text", "--color-holiday-background" },
    };

    [Theory]
    [MemberData(nameof(TextPairs))]
    public void Text_is_at_least_4_5_to_1_in_both_themes(string text, string background)
    {
        var palette = Palette(File.ReadAllText(Path.Combine(WwwRoot, "app.css")));
        for (var theme = 0; theme < 2; theme++)
        {
            var ratio = Contrast(palette[text][theme], palette[background][theme]);
            Assert.True(ratio >= 4.5, $"{text} on {background} in the {(theme == 0 ? "light" : "dark")} theme is {ratio:0.00}:1");
        }
    }

    [Fact]
    public void Every_leave_type_s_colour_and_the_form_borders_stand_out_3_to_1_from_the_surface_in_both_themes()
    {
        var palette = Palette(File.ReadAllText(Path.Combine(WwwRoot, "app.css")));
        var types = LeaveColour().Matches(File.ReadAllText(Path.Combine(WwwRoot, "leave-colours.css")))
            .ToDictionary(m => m.Groups["type"].Value, m => new[] { m.Groups["light"].Value, m.Groups["dark"].Value });
        Assert.True(types.Count >= 15, $"only {types.Count} leave colours found");
        types["input border"] = palette["--color-input-border"];
        types["pending mark"] = palette["--color-pending-mark"];

        var faint = new List<string>();
        foreach (var (name, colours) in types)
        {
            for (var theme = 0; theme < 2; theme++)
            {
                var ratio = Contrast(colours[theme], palette["--color-surface"][theme]);
                if (ratio < 3) faint.Add($"{name} in the {(theme == 0 ? "light" : "dark")} theme: {ratio:0.00}:1");
            }
        }
        Assert.True(faint.Count == 0, string.Join("\n", faint));
    }

    private static Dictionary<string, string[]> Palette(string css) =>
        PaletteColour().Matches(css).ToDictionary(m => m.Groups["name"].Value, m => new[] { m.Groups["light"].Value, m.Groups["dark"].Value });

    /// <summary>WCAG 2 contrast ratio of two #rrggbb colours.</summary>
    private static double Contrast(string a, string b)
    {
        var (la, lb) = (Luminance(a), Luminance(b));
        return (Math.Max(la, lb) + 0.05) / (Math.Min(la, lb) + 0.05);
    }

    private static double Luminance(string hex)
    {
        double Channel(int offset)
        {
            var c = int.Parse(hex.AsSpan(1 + offset, 2), NumberStyles.HexNumber) / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.Pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * Channel(0) + 0.7152 * Channel(2) + 0.0722 * Channel(4);
    }

    [GeneratedRegex(@"(?<name>--color-[a-z-]+):\s*light-dark\((?<light>#[0-9a-f]{6}),\s*(?<dark>#[0-9a-f]{6})\)")]
    private static partial Regex PaletteColour();

    [GeneratedRegex(@"\.leave-colour--(?<type>\w+) \{ --leave-colour: light-dark\((?<light>#[0-9a-f]{6}), (?<dark>#[0-9a-f]{6})\); \}")]
    private static partial Regex LeaveColour();
}
