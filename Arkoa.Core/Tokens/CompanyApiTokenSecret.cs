namespace Arkoa.Core.Tokens;

/// <summary>
/// The secret of a company API token: <c>arkoa_cat_</c> ("company access token") then 43 random characters
/// (<see cref="PrefixedSecret"/>), so it is never mistaken for a person's <c>arkoa_pat_</c>.
/// </summary>
public static class CompanyApiTokenSecret
{
    public const string Prefix = "arkoa_cat_";
    private static readonly PrefixedSecret Format = new(Prefix);

    public static string Create() => Format.Create();

    public static bool HasPrefix(string value) => Format.HasPrefix(value);

    public static bool IsWellFormed(string value) => Format.IsWellFormed(value);

    public static string Hash(string secret) => PrefixedSecret.Hash(secret);
}
