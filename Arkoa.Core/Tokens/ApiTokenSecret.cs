namespace Arkoa.Core.Tokens;

/// <summary>The secret of a personal API token: <c>arkoa_pat_</c> then 43 random characters (<see cref="PrefixedSecret"/>).</summary>
public static class ApiTokenSecret
{
    public const string Prefix = "arkoa_pat_";
    public const int RandomLength = PrefixedSecret.RandomLength;
    private static readonly PrefixedSecret Format = new(Prefix);

    public static string Create() => Format.Create();

    public static bool HasPrefix(string value) => Format.HasPrefix(value);

    public static bool IsWellFormed(string value) => Format.IsWellFormed(value);

    public static string Hash(string secret) => PrefixedSecret.Hash(secret);
}
