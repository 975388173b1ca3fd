using System.Globalization;

namespace Arkoa.Core.Scim;

/// <summary>
/// A list's <c>startIndex</c> (1-based) and <c>count</c> (RFC 7644 §3.4.2.4): a start below 1 counts as 1, a negative
/// count as 0, and a count above <see cref="MaxResults"/> as <see cref="MaxResults"/> (the RFC lets a service answer
/// fewer than asked, and its ServiceProviderConfig says so); a value that is no integer is refused.
/// </summary>
public static class ScimPaging
{
    public const int MaxResults = 100;

    public static (int StartIndex, int Count, ScimError? Error) Read(string? startIndex, string? count)
    {
        var start = 1;
        var size = MaxResults;
        if (startIndex is not null)
        {
            if (!long.TryParse(startIndex, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s)) return (0, 0, ScimError.InvalidValue("startIndex must be an integer."));
            start = (int)Math.Clamp(s, 1, int.MaxValue);
        }
        if (count is not null)
        {
            if (!long.TryParse(count, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var c)) return (0, 0, ScimError.InvalidValue("count must be an integer."));
            size = (int)Math.Clamp(c, 0, MaxResults);
        }
        return (start, size, null);
    }
}
