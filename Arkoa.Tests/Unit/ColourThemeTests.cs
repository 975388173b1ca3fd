using System.Text.RegularExpressions;
using Arkoa.Core.Accounts;

namespace Arkoa.Tests.Unit;

public sealed class ColourThemeTests
{
    [Theory]
    [InlineData("system", true)]
    [InlineData("light", true)]
    [InlineData("dark", true)]
    [InlineData("Dark", false)]
    [InlineData(" dark", false)]
    [InlineData("dark\n", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    [InlineData("sepia", false)]
    public void Only_the_three_themes_are_known_and_the_api_pattern_agrees(string? theme, bool known)
    {
        Assert.Equal(known, ColourThemes.IsKnown(theme));
        // The Api validates with the pattern (RegularExpressionAttribute matches the whole value): both must say the same.
        Assert.Equal(known, theme is not null && Regex.IsMatch(theme, ColourThemes.Pattern) && Regex.Match(theme, ColourThemes.Pattern).Length == theme.Length);
    }

    [Fact]
    public void A_new_account_follows_the_device() => Assert.Equal(ColourThemes.System, ColourThemes.Default);
}
