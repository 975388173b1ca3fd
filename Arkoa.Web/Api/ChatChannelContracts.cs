namespace Arkoa.Web.Api;

/// <summary>A company's Slack or Teams channel, as GET /api/companies/{id}/chat-channels lists it (never its address).</summary>
public sealed record ChatChannelItem(string Id, string Kind, string Name, string UrlHint, List<string> Events, string Language, bool Active);
