using System.Globalization;
using Arkoa.Core.Days;

namespace Arkoa.Api.Http;

/// <summary>
/// The messages of the Api's input rules, wherever the value came from (JSON body, query string, route). The problem
/// names the field; the message does not need to.
/// </summary>
public static class InputRefusals
{
    /// <summary>A control character or a lone surrogate (<see cref="Core.Text.ControlCharacters"/>, issue 13 point 16).</summary>
    public const string ControlCharacters = "Control characters are not allowed here.";

    /// <summary>A date outside <see cref="DateBounds"/> (issue 13, point 18).</summary>
    public static readonly string DateOutOfBounds =
        string.Format(CultureInfo.InvariantCulture, "The date must be between {0:yyyy-MM-dd} and {1:yyyy-MM-dd}.", DateBounds.Min, DateBounds.Max);

    /// <summary>The values of <see cref="DateOutOfBounds"/> (dates travel as ISO text).</summary>
    public static readonly IReadOnlyDictionary<string, object?> DateBoundsValues =
        new Dictionary<string, object?> { ["min"] = DateBounds.Min, ["max"] = DateBounds.Max };
}
