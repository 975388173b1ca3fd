namespace Arkoa.Web.Api;

// Wire shapes of the profile page: the signed-in account, its changes, its calendar feed and its erasure.

/// <summary>GET /api/auth/session: the user behind the token.</summary>
public sealed record SessionUser(ApiUser User);

/// <summary>PATCH /api/users/me: only the fields sent change (null ones are left out of the JSON).</summary>
internal sealed record UpdateMeRequest(
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Name,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Email,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Language,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? CurrentPassword = null,
    [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Theme = null);

/// <summary>The Api path of the caller's secret iCal feed for one company.</summary>
public sealed record CalendarLink(string Path);

internal sealed record DeleteMeRequest(string Password);
