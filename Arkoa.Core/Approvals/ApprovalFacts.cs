using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>
/// What a step's conditions read of a request: its type, its working days and the balance it leaves (null for a type
/// no balance counts). Extension point: the blackout periods of the capacity rules add a fact here (the request's days
/// in a blackout) and a condition to <see cref="ApprovalConditions"/>; nothing else changes.
/// </summary>
public sealed record ApprovalFacts(LeaveType Type, decimal Days, decimal? BalanceAfter);
