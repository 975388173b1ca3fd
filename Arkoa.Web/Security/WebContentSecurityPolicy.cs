namespace Arkoa.Web.Security;

public static class WebContentSecurityPolicy
{
    /// <summary>Static SSR serves no inline scripts or styles and talks to no other origin, so 'self' is enough.</summary>
    public const string Value =
        "default-src 'self'; img-src 'self' data:; style-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'";
}
