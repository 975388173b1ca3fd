namespace Arkoa.Core.Accounts;

/// <summary>
/// The colour theme a person chose for the Web (issue 14 §15): follow the device's setting (the default, so nobody is
/// dazzled at night before choosing), or always light, or always dark. Kept on the account so it follows them.
/// </summary>
public static class ColourThemes
{
    public const string System = "system";
    public const string Light = "light";
    public const string Dark = "dark";
    public const string Default = System;

    /// <summary>The pattern the Api's request validation checks: an attribute needs a constant.</summary>
    public const string Pattern = "^(system|light|dark)$";

    public static readonly IReadOnlyList<string> All = [System, Light, Dark];

    /// <summary>True for exactly one of <see cref="All"/>: the stored value is what the Web reads, so no variants.</summary>
    public static bool IsKnown(string? theme) => theme is not null && All.Contains(theme);
}
