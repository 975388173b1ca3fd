namespace Arkoa.Web.Api;

// The company's Slack and Teams channels (admins): listed (only a hint of their address), created, paused or resumed,
// tested, deleted, and their recent messages, a dead one sent again.
public sealed partial class ArkoaApiClient
{
    private static string ChatChannelsPath(string companyId, string rest = "") =>
        $"api/companies/{Uri.EscapeDataString(companyId)}/chat-channels{rest}";

    public Task<ApiResult<List<ChatChannelItem>>> GetChatChannelsAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<ChatChannelItem>>(ChatChannelsPath(companyId), cancellationToken);

    public Task<ApiResult<ChatChannelItem>> CreateChatChannelAsync(
        string companyId, string kind, string url, string name, string language, IReadOnlyList<string> events, CancellationToken cancellationToken = default) =>
        SendJsonAsync<ChatChannelItem>(HttpMethod.Post, ChatChannelsPath(companyId), new { kind, url, name, language, events, active = true }, cancellationToken);

    public Task<ApiProblem?> SetChatChannelActiveAsync(string companyId, string channelId, bool active, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Patch, ChatChannelsPath(companyId, $"/{Uri.EscapeDataString(channelId)}"), new { active }, cancellationToken);

    public Task<ApiProblem?> TestChatChannelAsync(string companyId, string channelId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, ChatChannelsPath(companyId, $"/{Uri.EscapeDataString(channelId)}/test"), null, cancellationToken);

    public Task<ApiProblem?> DeleteChatChannelAsync(string companyId, string channelId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, ChatChannelsPath(companyId, $"/{Uri.EscapeDataString(channelId)}"), null, cancellationToken);

    public Task<ApiResult<List<WebhookDeliveryItem>>> GetChatChannelDeliveriesAsync(string companyId, string channelId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<WebhookDeliveryItem>>(ChatChannelsPath(companyId, $"/{Uri.EscapeDataString(channelId)}/deliveries"), cancellationToken);

    public Task<ApiProblem?> RedeliverChatChannelAsync(string companyId, string channelId, string deliveryId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post,
            ChatChannelsPath(companyId, $"/{Uri.EscapeDataString(channelId)}/deliveries/{Uri.EscapeDataString(deliveryId)}/redeliver"), null, cancellationToken);
}
