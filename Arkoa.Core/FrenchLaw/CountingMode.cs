namespace Arkoa.Core.FrenchLaw;

/// <summary>
/// How a leave's days are counted (docs/french-leave-rules.md). A policy picks one; today every leave is counted in
/// <see cref="OUVRES"/>.
/// </summary>
public enum CountingMode
{
    /// <summary>Jours ouvrés: the working days of the company's (or person's) week, holidays excluded.</summary>
    OUVRES,

    /// <summary>
    /// Jours ouvrables: Monday to Saturday, holidays excluded, from the first day the person would have worked to the eve
    /// of the return to work (see <see cref="JoursOuvrablesCounter"/>).
    /// </summary>
    OUVRABLES,
}
