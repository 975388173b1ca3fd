namespace Arkoa.Core.Domain;

public sealed class User : Entity
{
    public required string Name { get; set; }

    /// <summary>Stored trimmed and lower-cased (see <see cref="EmailAddress"/>), so uniqueness is case-insensitive.</summary>
    public required string Email { get; set; }
    public bool EmailVerified { get; set; }

    /// <summary>
    /// The address the user asked to move to, until the link mailed to it is followed (see EmailChange). The account
    /// keeps <see cref="Email"/> meanwhile, so a session alone can never move an account to an unproven address.
    /// </summary>
    public string? PendingEmail { get; set; }
    public string? Image { get; set; }
    public required string PasswordHash { get; set; }
    public Guid? ActiveMembershipId { get; set; }

    /// <summary>The language of the UI and of mails to this user: "fr" (default) or "en".</summary>
    public string Language { get; set; } = "fr";

    /// <summary>The Web's colour theme: "system" (follow the device, the default), "light" or "dark" (ColourThemes).</summary>
    public string Theme { get; set; } = Accounts.ColourThemes.Default;

    /// <summary>Secret of the user's iCal feed URL (calendar apps cannot send a session); null until first asked for.</summary>
    public string? CalendarToken { get; set; }

    public List<Membership> Memberships { get; set; } = [];
}
