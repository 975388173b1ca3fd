namespace Arkoa.Core.Domain;

public static class EmailAddress
{
    /// <summary>The one form an e-mail is stored and compared in.</summary>
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();
}
