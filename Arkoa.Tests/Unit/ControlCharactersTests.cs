using Arkoa.Core.Text;

namespace Arkoa.Tests.Unit;

/// <summary>Which characters text input refuses (issue 13, point 16).</summary>
public sealed class ControlCharactersTests
{
    [Theory]
    [InlineData("Zoé Müller-Łukasz")]
    [InlineData("王小明")]
    [InlineData("👩‍👩‍👧 family")]          // a surrogate pair and zero-width joiners
    [InlineData("\u200Fעברית")]              // a format character (right-to-left mark)
    [InlineData("")]
    public void Ordinary_text_is_accepted(string text) => Assert.Equal(-1, ControlCharacters.IndexOfRefused(text));

    [Theory]
    [InlineData("a\0b", 1)]
    [InlineData("\u0001", 0)]
    [InlineData("tab\there", 3)]
    [InlineData("line\nbreak", 4)]
    [InlineData("carriage\rreturn", 8)]
    [InlineData("delete\u007F", 6)]
    [InlineData("c1\u0085next line", 2)]
    [InlineData("c1\u009F", 2)]
    public void Control_characters_are_refused_in_single_line_text(string text, int index) =>
        Assert.Equal(index, ControlCharacters.IndexOfRefused(text));

    // Built in code and not enumerated at discovery: attribute arguments and serialized test cases are UTF-8, which
    // cannot hold half a surrogate pair.
    public static TheoryData<string, int> LoneSurrogates() => new()
    {
        { "lone \uD800 high", 5 },
        { "lone \uDC00 low", 5 },
        { "swapped \uDC00\uD800", 8 },
        { "ends high \uD83D", 10 },
    };

    [Theory]
    [MemberData(nameof(LoneSurrogates), DisableDiscoveryEnumeration = true)]
    public void Lone_surrogates_are_refused_even_in_multi_line_text(string text, int index)
    {
        Assert.Equal(index, ControlCharacters.IndexOfRefused(text));
        Assert.Equal(index, ControlCharacters.IndexOfRefused(text, multiLine: true));
    }

    [Fact]
    public void Multi_line_text_may_hold_tabs_and_line_breaks_but_nothing_else()
    {
        Assert.Equal(-1, ControlCharacters.IndexOfRefused("first line\r\n\tsecond line\n", multiLine: true));
        Assert.Equal(5, ControlCharacters.IndexOfRefused("line\n\0", multiLine: true));
        Assert.Equal(3, ControlCharacters.IndexOfRefused("a\r\n\u000Bb", multiLine: true)); // vertical tab
    }
}
