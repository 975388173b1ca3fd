namespace Arkoa.Web.Components.Shared;

/// <summary>
/// Cuts an address into the pieces a narrow screen may wrap between (a &lt;wbr&gt; each): before each of the given
/// characters, so a line breaks at a dot or a slash, never in the middle of a name.
/// </summary>
public static class WrapPoints
{
    public static List<string> Split(string value, Func<char, bool> breaksBefore, int from = 1)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = Math.Max(from, 1); i < value.Length; i++)
        {
            if (!breaksBefore(value[i])) continue;
            parts.Add(value[start..i]);
            start = i;
        }
        parts.Add(value[start..]);
        return parts;
    }
}
