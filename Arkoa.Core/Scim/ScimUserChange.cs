namespace Arkoa.Core.Scim;

/// <summary>
/// What a SCIM request asks of a user, as a pure change set: only what it names is set (a null here means "not asked",
/// except where a <c>…Set</c> flag says the attribute was removed). Attributes Arkoa does not keep (phone numbers,
/// addresses, the enterprise extension…) are left out: an identity provider sends them by default and Arkoa ignores them.
/// </summary>
public sealed class ScimUserChange
{
    public const int UserNameMaxLength = 254;
    public const int NameMaxLength = 100;
    public const int ExternalIdMaxLength = 254;

    public string? UserName { get; set; }
    public bool? Active { get; set; }

    public bool GivenNameSet { get; set; }
    public string? GivenName { get; set; }
    public bool FamilyNameSet { get; set; }
    public string? FamilyName { get; set; }
    public bool FormattedSet { get; set; }
    public string? Formatted { get; set; }
    public bool DisplayNameSet { get; set; }
    public string? DisplayName { get; set; }
    public bool ExternalIdSet { get; set; }
    public string? ExternalId { get; set; }

    /// <summary>Whether the request names anything of the person's name.</summary>
    public bool TouchesName => GivenNameSet || FamilyNameSet || FormattedSet || DisplayNameSet;

    /// <summary>
    /// The one name Arkoa shows, from what is known after the change: given and family names, else the display name,
    /// else the formatted name, else null (the caller keeps the current name or falls back to the address).
    /// </summary>
    public static string? FullName(string? givenName, string? familyName, string? displayName, string? formatted)
    {
        var parts = string.Join(' ', new[] { givenName, familyName }.Where(p => !string.IsNullOrWhiteSpace(p)));
        var name = parts.Length > 0 ? parts : !string.IsNullOrWhiteSpace(displayName) ? displayName : formatted;
        if (string.IsNullOrWhiteSpace(name)) return null;
        return name.Length <= NameMaxLength ? name : name[..NameMaxLength].TrimEnd();
    }
}
