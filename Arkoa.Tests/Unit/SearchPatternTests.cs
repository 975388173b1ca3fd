using Arkoa.Core.Text;

namespace Arkoa.Tests.Unit;

public sealed class SearchPatternTests
{
    [Theory]
    [InlineData("  Ada   Lovelace ", "Ada Lovelace")]
    [InlineData("ada\u00A0 lovelace", "ada lovelace")]
    [InlineData("Zoé", "Zoé")]
    [InlineData("   ", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_search_is_the_words_typed_one_space_apart(string? typed, string? normalized) =>
        Assert.Equal(normalized, SearchPattern.Normalize(typed));

    [Theory]
    [InlineData("ada", "%ada%")]
    [InlineData("100%", @"%100\%%")]
    [InlineData("a_b", @"%a\_b%")]
    [InlineData(@"c:\x", @"%c:\\x%")]
    public void Wildcards_typed_in_the_search_match_themselves(string normalized, string pattern) =>
        Assert.Equal(pattern, SearchPattern.Contains(normalized));
}
