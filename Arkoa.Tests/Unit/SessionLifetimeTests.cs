using Arkoa.Core.Domain;

namespace Arkoa.Tests.Unit;

public sealed class SessionLifetimeTests
{
    private static readonly DateTime SignedIn = new(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_use_slides_the_expiry_seven_days_ahead()
    {
        var now = SignedIn.AddDays(10);
        Assert.Equal(now.AddDays(7), Session.SlidExpiry(SignedIn, now));
    }

    [Fact]
    public void No_use_slides_it_past_30_days_after_sign_in()
    {
        Assert.Equal(SignedIn.AddDays(30), Session.SlidExpiry(SignedIn, SignedIn.AddDays(23.5)));
        Assert.Equal(SignedIn.AddDays(30), Session.SlidExpiry(SignedIn, SignedIn.AddDays(29.9)));
    }
}
