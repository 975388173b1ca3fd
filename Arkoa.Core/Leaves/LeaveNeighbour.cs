using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>Another live leave of the member, as the overlap rule sees it: its extent, and what names it in a refusal.</summary>
public sealed record LeaveNeighbour(Guid LeaveId, LeaveType Type, HalfDaySpan Span);
