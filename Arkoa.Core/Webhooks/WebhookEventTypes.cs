namespace Arkoa.Core.Webhooks;

/// <summary>The events an endpoint can subscribe to, as they appear in <c>type</c> and <c>Arkoa-Event-Type</c>.</summary>
public static class WebhookEventTypes
{
    public const string LeaveSubmitted = "leave.submitted";
    public const string LeaveApproved = "leave.approved";
    public const string LeaveRejected = "leave.rejected";
    public const string LeaveCanceled = "leave.canceled";
    public const string BalanceAdjusted = "balance.adjusted";
    public const string MemberJoined = "member.joined";
    public const string MemberLeft = "member.left";

    /// <summary>Sent on demand to one endpoint by an admin ("send a test"), whatever it subscribes to.</summary>
    public const string Ping = "ping";

    /// <summary>What an endpoint may subscribe to (not <see cref="Ping"/>, which is never subscribed).</summary>
    public static IReadOnlyList<string> Subscribable { get; } =
        [LeaveSubmitted, LeaveApproved, LeaveRejected, LeaveCanceled, BalanceAdjusted, MemberJoined, MemberLeft];
}
