extern alias ArkoaWeb;

using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using Labels = ArkoaWeb::Arkoa.Web.Localization.Labels;
using SharedText = ArkoaWeb::Arkoa.Web.Localization.SharedText;

namespace Arkoa.Tests.Unit;

/// <summary>
/// Instants on the Web's pages (issue 14 §17) are read where the company or the reader is, with the zone named, in the
/// reader's language, through the Web's own resources; never in the server's zone.
/// </summary>
public sealed class InstantLabelTests
{
    private static readonly DateTime Instant = new(2026, 12, 8, 23, 30, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("en", "Pacific/Kiritimati", "9 December 2026 at 13:30 (Pacific/Kiritimati)")]
    [InlineData("en", "Pacific/Pago_Pago", "8 December 2026 at 12:30 (Pacific/Pago_Pago)")]
    [InlineData("fr", "Europe/Paris", "9 décembre 2026 à 00:30 (Europe/Paris)")]
    [InlineData("en", null, "8 December 2026 at 23:30 (UTC)")]
    [InlineData("fr", "Not/AZone", "8 décembre 2026 à 23:30 (UTC)")]
    public void An_instant_is_the_day_and_hour_of_its_zone_and_names_the_zone(string language, string? zone, string expected)
    {
        var before = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
            Assert.Equal(expected, WebLabels().Instant(Instant, zone));
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = before;
        }
    }

    private static Labels WebLabels()
    {
        var services = new ServiceCollection().AddLogging().AddLocalization(options => options.ResourcesPath = "Resources").BuildServiceProvider();
        return new Labels(services.GetRequiredService<IStringLocalizer<SharedText>>());
    }
}
