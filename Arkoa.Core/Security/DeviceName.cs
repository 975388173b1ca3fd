namespace Arkoa.Core.Security;

/// <summary>The browser and operating system a user agent names, as people know them ("Firefox", "Windows"); null when unknown.</summary>
public sealed record DeviceName(string? Browser, string? System)
{
    // Order matters: Edge and Opera also say "Chrome", Chrome also says "Safari", Android also says "Linux".
    private static readonly (string Token, string Name)[] Browsers =
    [
        ("Edg/", "Edge"), ("OPR/", "Opera"), ("Firefox/", "Firefox"), ("Chromium/", "Chromium"), ("Chrome/", "Chrome"), ("Safari/", "Safari"),
    ];

    private static readonly (string Token, string Name)[] Systems =
    [
        ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"), ("Mac OS X", "macOS"),
        ("CrOS", "ChromeOS"), ("Linux", "Linux"),
    ];

    public static DeviceName FromUserAgent(string? userAgent) =>
        string.IsNullOrWhiteSpace(userAgent)
            ? new DeviceName(null, null)
            : new DeviceName(First(Browsers, userAgent), First(Systems, userAgent));

    private static string? First((string Token, string Name)[] candidates, string userAgent) =>
        candidates.FirstOrDefault(c => userAgent.Contains(c.Token, StringComparison.Ordinal)).Name;
}
