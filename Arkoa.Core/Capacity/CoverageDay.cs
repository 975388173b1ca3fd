namespace Arkoa.Core.Capacity;

/// <summary>
/// One day of a team's coverage (SPEC §12). <see cref="Absent"/> counts approved leaves, <see cref="AbsentWithPending"/>
/// also the pending ones (what the day becomes if every request is approved); each is the busier half of the day, since
/// a member away in the morning and another in the afternoon leave the team one short all day long.
/// </summary>
public sealed record CoverageDay(DateOnly Date, bool IsWorkingDay, int Headcount, int Absent, int AbsentWithPending, bool Breached, bool BreachedWithPending)
{
    public int Present => Headcount - Absent;

    public int PresentWithPending => Headcount - AbsentWithPending;
}
