namespace Arkoa.Core.Domain;

/// <summary>
/// The hash of a link an invitation had before it was sent again (each sending mails a new link and the old one stops
/// working), kept so the old link can say "a newer invitation replaced this one" instead of "unknown".
/// </summary>
public sealed class ReplacedInvitationToken : Entity
{
    public Guid InvitationId { get; set; }
    public required string TokenHash { get; set; }
}
