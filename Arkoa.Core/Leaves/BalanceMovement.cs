using Arkoa.Core.Balances;
using Arkoa.Core.Domain;

namespace Arkoa.Core.Leaves;

/// <summary>
/// A balance change a leave transition causes (SPEC §4): decided by the <see cref="Leave"/> aggregate, written by
/// <see cref="LeaveBalanceEffects.ApplyAsync"/> through the ledger under the member lock.
/// </summary>
public sealed record BalanceMovement(LeaveType Type, decimal Change, LeaveBalanceHistoryType HistoryType, string Reason, BalanceChangeFacts Facts);
