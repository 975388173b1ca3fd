using Arkoa.Core.Domain;

namespace Arkoa.Core.Scim;

/// <summary>
/// What a company's identity provider may do to a member's account through SCIM. The account (address, password, name)
/// may be shared with other companies, and an identity provider vouching for an address is no proof that whoever
/// signs in with a password owns it, so: the address never changes through SCIM (the person changes it in Arkoa,
/// which proves the new one); the name follows the provider only while the account belongs to this company alone;
/// the password is never set; the role is never touched (roles stay managed in Arkoa); and the company keeps one
/// active admin.
/// </summary>
public static class ScimUserRules
{
    /// <summary>The shape of an address Arkoa can mail: one @, something either side, no spaces.</summary>
    public static ScimError? CheckUserName(string userName)
    {
        var at = userName.IndexOf('@');
        var valid = at > 0 && at == userName.LastIndexOf('@') && at < userName.Length - 1 && !userName.Any(char.IsWhiteSpace);
        return valid ? null : ScimError.InvalidValue("userName must be the member's e-mail address.");
    }

    /// <summary>A request naming another address than the account's is refused, not half-applied.</summary>
    public static ScimError? CheckSameAddress(string? requestedUserName, string accountEmail) =>
        requestedUserName is null || EmailAddress.Normalize(requestedUserName) == accountEmail ? null
            : ScimError.Mutability("Arkoa does not change a member's e-mail address through SCIM: the member changes it in Arkoa, which proves the new address.");

    /// <summary>Deactivating the company's last active admin would leave nobody to run it.</summary>
    public static ScimError? CheckActive(bool newActive, bool isLastActiveAdmin) =>
        !newActive && isLastActiveAdmin
            ? ScimError.Mutability("This member is the company's last active admin: make another member an admin in Arkoa first.")
            : null;

    /// <summary>The provider's name for the person is applied to an account that belongs to no other company.</summary>
    public static bool MayRename(int otherCompanies) => otherCompanies == 0;
}
