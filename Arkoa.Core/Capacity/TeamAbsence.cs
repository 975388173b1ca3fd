using Arkoa.Core.Leaves;

namespace Arkoa.Core.Capacity;

/// <summary>A team member's leave as coverage counts it: its half days, and whether it is decided (APPROVED) or still PENDING.</summary>
public readonly record struct TeamAbsence(Guid MembershipId, HalfDaySpan Span, bool Approved);
