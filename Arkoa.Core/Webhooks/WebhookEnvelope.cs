using System.Text.Json;
using System.Text.Json.Serialization;

namespace Arkoa.Core.Webhooks;

/// <summary>
/// The body of every delivery: <c>{ "id", "type", "version", "createdAt", "companyId", "data": { … } }</c>. The
/// <see cref="Version"/> changes only when a field changes meaning or goes away; new fields may appear in any version,
/// so receivers must ignore what they do not know.
/// </summary>
public sealed record WebhookEnvelope(Guid Id, string Type, int Version, DateTime CreatedAt, Guid CompanyId, object Data)
{
    public const int CurrentVersion = 1;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>The JSON text that is stored, signed and sent as it is.</summary>
    public static string Serialize(Guid eventId, string type, DateTime createdAt, Guid companyId, object data) =>
        JsonSerializer.Serialize(new WebhookEnvelope(eventId, type, CurrentVersion, createdAt, companyId, data), Json);
}

/// <summary>
/// A leave event's data: what a manager of the company sees of the leave, except free text (the member's reason and
/// the manager's note may say why someone is away). A leave of a type the company keeps private (health, family) has
/// <see cref="Type"/> null and <see cref="TypeHidden"/> true: a receiver is often a shared channel, read by colleagues
/// who see only that the person is absent (<see cref="Leaves.LeaveViewer"/>).
/// </summary>
public sealed record LeaveEventData(
    Guid LeaveId, Guid MembershipId, string MemberName, string? Type, bool TypeHidden, DateOnly StartDate, DateOnly EndDate,
    string? StartHalf, string? EndHalf, decimal Days, string Status, bool Edited);

/// <summary>A manual balance adjustment's data, without the reason's free text.</summary>
public sealed record BalanceEventData(
    Guid MembershipId, string MemberName, string LeaveType, decimal Change, decimal RemainingDays, string Kind);

/// <summary>A member joined (accepted an invitation, was added) or left (deactivated) the company.</summary>
public sealed record MemberEventData(Guid MembershipId, string Name, string Email, string Role);

/// <summary>The test event an admin sends to check an endpoint.</summary>
public sealed record PingEventData(Guid EndpointId, string Message);
