using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Arkoa.Tests.Integration;

public static class ChatChannelKit
{
    public const string SlackUrl = "https://hooks.slack.com/services/T0000/B0000/SlackSecretPart1234";
    public const string TeamsUrl = "https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=TeamsSecretPart9876";

    public static string ChatChannelsUrl(this TestCompany company, string path = "") => company.Url("/chat-channels" + path);

    /// <summary>Creates a channel through the Api as the company's admin; asserts the 201 and returns the answer.</summary>
    public static async Task<JsonElement> CreateChatChannelAsync(this TestCompany company, string kind, string url, string language = "en",
        params string[] events)
    {
        var response = await company.Admin.Http.PostAsJsonAsync(company.ChatChannelsUrl(), new
        {
            kind, url, name = $"{kind} channel", language,
            events = events.Length == 0 ? new[] { "leave.submitted", "leave.approved", "leave.rejected", "leave.canceled" } : events,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
