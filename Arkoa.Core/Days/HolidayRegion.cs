namespace Arkoa.Core.Days;

/// <summary>
/// A region whose public holidays a company observes (docs/french-leave-rules.md): metropolitan France ("FR", what every
/// company had before regions), Alsace-Moselle, and the five overseas departments by their department number as in
/// ISO 3166-2:FR. Stable codes: stored on the company and sent over the Api.
/// </summary>
public sealed record HolidayRegion(string Code, string EnglishName, string FrenchName)
{
    public const string France = "FR";
    public const string AlsaceMoselle = "FR-ALSACE-MOSELLE";
    public const string Guadeloupe = "FR-971";
    public const string Martinique = "FR-972";
    public const string Guyane = "FR-973";
    public const string Reunion = "FR-974";
    public const string Mayotte = "FR-976";

    /// <summary>The longest code, for the column and the Api's length check.</summary>
    public const int CodeMaxLength = 20;

    public static readonly IReadOnlyList<HolidayRegion> All =
    [
        new(France, "Metropolitan France", "France métropolitaine"),
        new(AlsaceMoselle, "Alsace-Moselle", "Alsace-Moselle"),
        new(Guadeloupe, "Guadeloupe", "Guadeloupe"),
        new(Martinique, "Martinique", "Martinique"),
        new(Guyane, "French Guiana", "Guyane"),
        new(Reunion, "Réunion", "La Réunion"),
        new(Mayotte, "Mayotte", "Mayotte"),
    ];

    /// <summary>The region of this code (any case), or null when there is none.</summary>
    public static HolidayRegion? Find(string? code) =>
        code is null ? null : All.FirstOrDefault(r => string.Equals(r.Code, code, StringComparison.OrdinalIgnoreCase));
}
