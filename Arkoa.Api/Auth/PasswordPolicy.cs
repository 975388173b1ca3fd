namespace Arkoa.Api.Auth;

public static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    /// <summary>SPEC §5: at least 8 characters with a letter and a digit. Returns the problem, or null.</summary>
    public static string? Check(string password)
    {
        if (password.Length < MinLength) return $"The password must have at least {MinLength} characters.";
        if (password.Length > MaxLength) return $"The password must have at most {MaxLength} characters.";
        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit)) return "The password must contain a letter and a digit.";
        return null;
    }
}
