using Arkoa.Core.Balances;
using Arkoa.Core.Domain;

namespace Arkoa.Tests.Unit;

public sealed class CarryOverTests
{
    [Theory]
    [InlineData("03-31", 2027, "2027-03-31")]
    [InlineData("02-29", 2027, "2027-02-28")]
    [InlineData("02-29", 2028, "2028-02-29")]
    [InlineData("12-31", 2027, "2027-12-31")]
    public void Carried_days_expire_on_the_company_month_day_of_that_year(string expiresOn, int year, string expected)
    {
        var company = new Company { Name = "c", CarryOverExpiresOn = expiresOn };
        Assert.Equal(DateOnly.Parse(expected), CarryOver.ExpiryDate(company, year));
    }

    [Theory]
    [InlineData("03-00")]
    [InlineData("13-01")]
    [InlineData("march")]
    public void A_malformed_expiry_day_is_refused(string expiresOn) =>
        Assert.Throws<InvalidOperationException>(() => CarryOver.ExpiryDate(new Company { Name = "c", CarryOverExpiresOn = expiresOn }, 2027));
}
