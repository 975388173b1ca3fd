using Arkoa.Core.Webhooks;

namespace Arkoa.Tests.Unit;

/// <summary>How long finished webhook and chat deliveries are kept (issue 18): 30 days delivered, 90 dead, from the run's day.</summary>
public sealed class WebhookRetentionTests
{
    private static readonly DateTime DayStart = new(2027, 3, 31, 22, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void By_default_delivered_ones_go_after_30_days_and_dead_letters_after_90()
    {
        var retention = new WebhookRetention();
        Assert.Equal(new DateTime(2027, 3, 1, 22, 0, 0, DateTimeKind.Utc), retention.DeliveredBefore(DayStart));
        Assert.Equal(new DateTime(2026, 12, 31, 22, 0, 0, DateTimeKind.Utc), retention.DeadBefore(DayStart));
        Assert.Null(retention.Problem);
    }

    [Theory]
    [InlineData(0, 90)]
    [InlineData(30, 0)]
    [InlineData(30, 29)]
    public void Days_below_one_or_dead_letters_kept_less_than_deliveries_are_refused(int delivered, int dead)
    {
        Assert.NotNull(new WebhookRetention(delivered, dead).Problem);
    }

    [Fact]
    public void Configured_days_move_the_cut_offs()
    {
        var retention = new WebhookRetention(7, 7);
        Assert.Null(retention.Problem);
        Assert.Equal(DayStart.AddDays(-7), retention.DeliveredBefore(DayStart));
        Assert.Equal(DayStart.AddDays(-7), retention.DeadBefore(DayStart));
    }
}
