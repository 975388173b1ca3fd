namespace Arkoa.Core.Text;

/// <summary>
/// The characters no text Arkoa accepts may hold (issue 13, point 16): Unicode's control characters (C0 U+0000–U+001F,
/// DEL U+007F, C1 U+0080–U+009F) and halves of a surrogate pair without their other half. None is ever typed; NUL is
/// refused by Postgres, and the others end up in mail headers, CSV cells, iCal lines and log lines where they can
/// split or hide what follows. Multi-line text (a leave's reason, a manager's note) may hold tab, line feed and
/// carriage return. Format characters such as zero-width joiners stay allowed: names and emoji need them.
/// </summary>
public static class ControlCharacters
{
    /// <summary>The index of the first refused character of <paramref name="text"/>, or -1 when there is none.</summary>
    public static int IndexOfRefused(string text, bool multiLine = false)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c))
            {
                if (multiLine && c is '\t' or '\n' or '\r') continue;
                return i;
            }
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++; // a whole pair: one character outside the Basic Multilingual Plane
                continue;
            }
            if (char.IsSurrogate(c)) return i;
        }
        return -1;
    }

    public static bool AnyRefused(string text, bool multiLine = false) => IndexOfRefused(text, multiLine) >= 0;
}
