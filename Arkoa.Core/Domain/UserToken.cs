namespace Arkoa.Core.Domain;

/// <summary>
/// A single-use token mailed to a user (e-mail verification, password reset, e-mail change and its undo); only its
/// hash is stored.
/// </summary>
public sealed class UserToken : Entity
{
    public Guid UserId { get; set; }
    public User? User { get; set; }
    public UserTokenPurpose Purpose { get; set; }
    public required string TokenHash { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? UsedAt { get; set; }

    /// <summary>
    /// The address the token is about, when it is not simply the user's: the new address a CONFIRM_EMAIL_CHANGE link
    /// moves to, the former address an UNDO_EMAIL_CHANGE link restores (and keeps from anyone else meanwhile).
    /// </summary>
    public string? Email { get; set; }
}
