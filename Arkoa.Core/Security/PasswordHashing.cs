namespace Arkoa.Core.Security;

/// <summary>The work factor of stored password hashes, shared by the Api and the benchmark's generated users.</summary>
public static class PasswordHashing
{
    /// <summary>
    /// PBKDF2 iterations. ASP.NET Core Identity's V3 format uses HMAC-SHA512, for which the OWASP Password Storage
    /// Cheat Sheet asks 210,000. A hash made with fewer is replaced at the next successful sign-in.
    /// </summary>
    public const int Iterations = 210_000;
}
