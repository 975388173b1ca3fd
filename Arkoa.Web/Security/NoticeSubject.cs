using Microsoft.AspNetCore.DataProtection;

namespace Arkoa.Web.Security;

/// <summary>
/// Whom a "done" notice names after a Post/Redirect/Get (an invited address, a member's name), carried in the redirect's
/// query encrypted and for a few minutes only: a page's address ends up in browser history and proxies' logs, where an
/// e-mail address or a name must not. The keys are the Web replicas' shared ones, so any replica reads it.
/// </summary>
public sealed class NoticeSubject(IDataProtectionProvider provider)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);
    private readonly ITimeLimitedDataProtector _protector = provider.CreateProtector("Arkoa.Web.NoticeSubject").ToTimeLimitedDataProtector();

    public string Protect(string subject) => _protector.Protect(subject, Lifetime);

    /// <summary>The subject, or null for a value that is missing, altered or too old (the notice then names nobody).</summary>
    public string? Read(string? protectedSubject)
    {
        if (string.IsNullOrEmpty(protectedSubject)) return null;
        try
        {
            return _protector.Unprotect(protectedSubject);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }
    }
}
