using Arkoa.Core.Accounts;
using Arkoa.Core.Limits;
using Arkoa.Core.Memberships;

namespace Arkoa.Tests.Unit;

public sealed class SlidingLimitTests
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly SlidingLimit ThreeADay = new(3, TimeSpan.FromDays(1));

    [Fact]
    public void Below_the_maximum_one_more_is_allowed() =>
        Assert.Null(ThreeADay.RetryAfter([Now.AddHours(-3), Now.AddMinutes(-1)], Now));

    [Fact]
    public void At_the_maximum_the_wait_lasts_until_the_oldest_leaves_the_window() =>
        Assert.Equal(TimeSpan.FromHours(2), ThreeADay.RetryAfter([Now.AddMinutes(-1), Now.AddHours(-22), Now.AddHours(-5)], Now));

    [Fact]
    public void Events_older_than_the_window_no_longer_count()
    {
        Assert.Null(ThreeADay.RetryAfter([Now.AddDays(-1), Now.AddDays(-2), Now.AddHours(-1), Now.AddHours(-2)], Now));
        Assert.Equal(Now.AddDays(-1), ThreeADay.Since(Now));
    }

    [Fact]
    public void Above_the_maximum_the_wait_lasts_until_enough_have_left()
    {
        // Five counted (rows written before the limit was lowered, say): three must leave before a new one fits.
        var earlier = new[] { -1, -2, -3, -4, -5 }.Select(h => Now.AddHours(h)).ToList();
        Assert.Equal(TimeSpan.FromHours(21), ThreeADay.RetryAfter(earlier, Now));
    }

    [Fact]
    public void The_limits_of_issue_13_are_those_the_product_promises()
    {
        Assert.Equal((50, TimeSpan.FromDays(1)), (InvitationLimits.PerCompany.Max, InvitationLimits.PerCompany.Window));
        Assert.Equal((3, TimeSpan.FromDays(1)), (InvitationLimits.PerRecipient.Max, InvitationLimits.PerRecipient.Window));
        // The sign-up's confirmation link and three more on request, in any hour.
        Assert.Equal((4, TimeSpan.FromHours(1)), (EmailVerification.Links.Max, EmailVerification.Links.Window));
        Assert.Equal(TimeSpan.FromDays(7), EmailChange.UndoLifetime);
    }
}
