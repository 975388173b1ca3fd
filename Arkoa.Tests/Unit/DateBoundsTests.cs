using Arkoa.Core.Days;

namespace Arkoa.Tests.Unit;

/// <summary>The dates Arkoa accepts (issue 13, point 18).</summary>
public sealed class DateBoundsTests
{
    [Theory]
    [InlineData("1900-01-01", true)]
    [InlineData("2199-12-31", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2200-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Only_dates_from_1900_to_2199_are_accepted(string text, bool accepted) =>
        Assert.Equal(accepted, DateOnly.TryParse(text, out var date) && DateBounds.Contains(date));
}
