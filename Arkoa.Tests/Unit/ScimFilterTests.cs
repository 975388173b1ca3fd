using Arkoa.Core.Scim;

namespace Arkoa.Tests.Unit;

/// <summary>The one filter Arkoa answers (an attribute eq a string), and everything else refused as invalidFilter.</summary>
public sealed class ScimFilterTests
{
    private static readonly string[] UserAttributes = ["userName", "externalId"];

    [Theory]
    [InlineData("userName eq \"ada@contoso.com\"", "userName", "ada@contoso.com")]
    [InlineData("USERNAME EQ \"Ada@Contoso.com\"", "userName", "Ada@Contoso.com")]
    [InlineData("  externalId eq \"00aa\"  ", "externalId", "00aa")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:userName eq \"a@b.test\"", "userName", "a@b.test")]
    [InlineData("userName eq \"quote\\\"d\"", "userName", "quote\"d")]
    public void An_equality_on_a_supported_attribute_is_read(string text, string attribute, string value)
    {
        var (filter, error) = ScimFilter.Parse(text, UserAttributes);
        Assert.Null(error);
        Assert.Equal(new ScimFilter(attribute, value), filter);
    }

    [Theory]
    [InlineData("")]
    [InlineData("userName")]
    [InlineData("userName eq")]
    [InlineData("userName eq ada@contoso.com")]
    [InlineData("userName ne \"a\"")]
    [InlineData("userName sw \"a\"")]
    [InlineData("userName pr")]
    [InlineData("displayName eq \"a\"")]
    [InlineData("emails.value eq \"a\"")]
    [InlineData("userName eq \"a\" or userName eq \"b\"")]
    [InlineData("userName eq \"a\" and active eq true")]
    [InlineData("userName eq \"unterminated")]
    [InlineData("userName eq \"a\u0001\"")]
    [InlineData("userName eq 42")]
    public void Anything_else_is_an_invalid_filter(string text)
    {
        var (filter, error) = ScimFilter.Parse(text, UserAttributes);
        Assert.Null(filter);
        Assert.Equal(("invalidFilter", 400), (error!.ScimType, error.Status));
    }

    [Fact]
    public void A_very_long_filter_is_refused_before_it_is_read() =>
        Assert.Equal("invalidFilter", ScimFilter.Parse($"userName eq \"{new string('a', 5000)}\"", UserAttributes).Error!.ScimType);

    [Theory]
    [InlineData(null, null, 1, ScimPaging.MaxResults)]
    [InlineData("0", "-5", 1, 0)]
    [InlineData("3", "10", 3, 10)]
    [InlineData("1", "1000000", 1, ScimPaging.MaxResults)]
    public void Paging_follows_the_rfc(string? startIndex, string? count, int start, int size) =>
        Assert.Equal((start, size, (ScimError?)null), ScimPaging.Read(startIndex, count));

    [Theory]
    [InlineData("x", null)]
    [InlineData(null, "99999999999999999999999")]
    [InlineData(null, "1.5")]
    public void A_paging_value_that_is_no_integer_is_refused(string? startIndex, string? count) =>
        Assert.Equal("invalidValue", ScimPaging.Read(startIndex, count).Error!.ScimType);
}
