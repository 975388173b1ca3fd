using Arkoa.Core.Domain;

namespace Arkoa.Core.Approvals;

/// <summary>
/// What a step's conditions read of a request: its type, its working days, the balance it leaves (null for a type no
/// balance counts), and whether it falls in a blackout period reaching the member (SPEC §12: one that flags, since one
/// that refuses stops the request before).
/// </summary>
public sealed record ApprovalFacts(LeaveType Type, decimal Days, decimal? BalanceAfter, bool InBlackout = false);
