using Arkoa.Core.Domain;

namespace Arkoa.Core.Balances;

/// <summary>Why a manual balance adjustment is refused.</summary>
public enum AdjustmentRefusal
{
    None,

    /// <summary>Only managers adjust balances.</summary>
    NotAManager,

    /// <summary>Separation of duties: nobody credits or debits their own balance.</summary>
    OwnBalance,

    /// <summary>A manager's or an admin's balance is adjusted by an admin, so managers cannot credit each other.</summary>
    NeedsAnAdmin,

    /// <summary>A deactivated member's balances are frozen; their leaves can still be canceled (with refund).</summary>
    Deactivated,
}

/// <summary>Who may adjust whose balance by hand (POST …/leave-balances).</summary>
public static class BalanceAdjustmentRule
{
    public static AdjustmentRefusal Check(Membership caller, Membership target)
    {
        if (!caller.IsManager) return AdjustmentRefusal.NotAManager;
        if (caller.Id == target.Id) return AdjustmentRefusal.OwnBalance;
        if (target.IsManager && caller.Role != UserRole.ADMIN) return AdjustmentRefusal.NeedsAnAdmin;
        return target.Active ? AdjustmentRefusal.None : AdjustmentRefusal.Deactivated;
    }
}
