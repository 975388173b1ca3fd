namespace Arkoa.Core.Memberships;

/// <summary>What someone may do with a membership; the Api sends them as <c>allowedActions</c>.</summary>
public enum MembershipAction { ChangeRole, Deactivate, Reactivate }

public static class MembershipActionNames
{
    /// <summary>The wire name: "change-role", "deactivate", "reactivate".</summary>
    public static string WireName(this MembershipAction action) => action switch
    {
        MembershipAction.ChangeRole => "change-role",
        MembershipAction.Deactivate => "deactivate",
        _ => "reactivate",
    };
}
