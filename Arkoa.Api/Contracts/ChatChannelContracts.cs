using System.ComponentModel.DataAnnotations;

namespace Arkoa.Api.Contracts;

/// <summary>
/// A new chat channel: SLACK or TEAMS, the incoming-webhook address its service gave, a name, the leave events it gets,
/// its language (fr or en; the admin's when left out), active unless said.
/// </summary>
public sealed record CreateChatChannelRequest(
    string? Kind,
    string? Url,
    string? Name,
    [property: MaxLength(10)] IReadOnlyList<string>? Events,
    string? Language,
    bool Active = true);

/// <summary>A change to a channel: only what is given changes; its kind stays.</summary>
public sealed record UpdateChatChannelRequest(
    string? Url,
    string? Name,
    [property: MaxLength(10)] IReadOnlyList<string>? Events,
    string? Language,
    bool? Active);

/// <summary>A channel, never its address: only <see cref="UrlHint"/> (host and last 4 characters).</summary>
public sealed record ChatChannelResponse(
    Guid Id, string Kind, string Name, string UrlHint, IReadOnlyList<string> Events, string Language, bool Active,
    DateTime CreatedAt, DateTime UpdatedAt);
