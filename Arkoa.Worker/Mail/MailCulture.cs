using System.Globalization;
using System.Text.Json;
using Arkoa.Core.Domain;

namespace Arkoa.Worker.Mail;

/// <summary>
/// The culture a mail is written in: its recipient's language ("fr" or "en", French by default as in the Web). A mail
/// is built under it, so its resources, dates and numbers all follow the reader.
/// </summary>
public static class MailCulture
{
    public static CultureInfo Of(string? language) =>
        CultureInfo.GetCultureInfo(language?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true ? "en" : "fr");

    /// <summary>The recipient's culture from the payload's "language", which every mail payload carries.</summary>
    public static CultureInfo Of(OutboxMessage message)
    {
        using var payload = JsonDocument.Parse(message.Payload);
        return Of(payload.RootElement.TryGetProperty("language", out var language) && language.ValueKind == JsonValueKind.String
            ? language.GetString()
            : null);
    }

    /// <summary>Runs <paramref name="build"/> under <paramref name="culture"/>, then puts the thread's cultures back.</summary>
    public static T Under<T>(CultureInfo culture, Func<T> build)
    {
        var (formerCulture, formerUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = culture;
        try
        {
            return build();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (formerCulture, formerUiCulture);
        }
    }
}
