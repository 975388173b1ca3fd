using Arkoa.Api.Http;
using Arkoa.Core.Domain;

namespace Arkoa.Api.Auth;

/// <summary>
/// What a new password must be: 8 to 128 characters and hard to guess, as zxcvbn estimates it (score 3 of 4 or more),
/// counting the person's own name and e-mail and the word "arkoa" as words an attacker would try first. No rule on
/// character classes: "3 unrelated words" beats "Passw0rd!" and zxcvbn knows it.
/// </summary>
public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;
    public const int MinScore = 3;

    // English for clients that do not localise; the Web shows its own words for each code.
    public const string TooShort = "The password must have at least 8 characters.";
    public const string TooLong = "The password must have at most 128 characters.";
    public const string TooEasy = "This password is too easy to guess: use a longer phrase of unrelated words, without your name or e-mail.";

    /// <summary>Returns the problem, or null. <paramref name="context"/>: the person's name, e-mail, anything known about them.</summary>
    public static FieldError? Check(string password, params string?[] context)
    {
        if (password.Length < MinLength) return new(ProblemCodes.PasswordTooShort, TooShort, new Dictionary<string, object?> { ["min"] = MinLength });
        if (password.Length > MaxLength) return new(ProblemCodes.PasswordTooLong, TooLong, new Dictionary<string, object?> { ["max"] = MaxLength });
        return Zxcvbn.Zxcvbn.MatchPassword(password, ContextWords(context)).Score < MinScore ? new(ProblemCodes.PasswordTooEasy, TooEasy) : null;
    }

    /// <summary>
    /// zxcvbn loads its dictionaries on first use, which takes seconds on a busy machine: done at start-up, so the
    /// first sign-up is not the one that waits (and times out in the Web).
    /// </summary>
    public static void WarmUp() => Zxcvbn.Zxcvbn.MatchPassword("warm up the dictionaries 1", ["arkoa"]);

    /// <summary>Each value whole and in its words ("jane.doe@example.com" gives jane, doe, example…), lower case.</summary>
    private static List<string> ContextWords(string?[] context)
    {
        var words = new List<string> { "arkoa" };
        foreach (var value in context)
        {
            if (string.IsNullOrWhiteSpace(value)) continue;
            var lower = value.Trim().ToLowerInvariant();
            words.Add(lower);
            words.AddRange(lower.Split([' ', '.', '@', '-', '_', '+', '\''], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Length >= 3));
        }
        return words;
    }
}
