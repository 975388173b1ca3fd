namespace Arkoa.Web.Api;

// The company's webhook endpoints (admins): listed, created and rotated (the secret shown once), tested, deleted,
// and their recent deliveries, a dead one sent again.
public sealed partial class ArkoaApiClient
{
    private static string WebhooksPath(string companyId, string rest = "") =>
        $"api/companies/{Uri.EscapeDataString(companyId)}/webhooks{rest}";

    public Task<ApiResult<List<WebhookItem>>> GetWebhooksAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<WebhookItem>>(WebhooksPath(companyId), cancellationToken);

    public Task<ApiResult<CreatedWebhook>> CreateWebhookAsync(
        string companyId, string url, string description, IReadOnlyList<string> events, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CreatedWebhook>(HttpMethod.Post, WebhooksPath(companyId), new { url, description, events, active = true }, cancellationToken);

    public Task<ApiProblem?> SetWebhookActiveAsync(string companyId, string webhookId, bool active, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Patch, WebhooksPath(companyId, $"/{Uri.EscapeDataString(webhookId)}"), new { active }, cancellationToken);

    public Task<ApiResult<RotatedWebhookSecret>> RotateWebhookSecretAsync(string companyId, string webhookId, CancellationToken cancellationToken = default) =>
        SendJsonAsync<RotatedWebhookSecret>(HttpMethod.Post, WebhooksPath(companyId, $"/{Uri.EscapeDataString(webhookId)}/rotate-secret"), null, cancellationToken);

    public Task<ApiProblem?> PingWebhookAsync(string companyId, string webhookId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, WebhooksPath(companyId, $"/{Uri.EscapeDataString(webhookId)}/ping"), null, cancellationToken);

    public Task<ApiProblem?> DeleteWebhookAsync(string companyId, string webhookId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, WebhooksPath(companyId, $"/{Uri.EscapeDataString(webhookId)}"), null, cancellationToken);

    public Task<ApiResult<List<WebhookDeliveryItem>>> GetWebhookDeliveriesAsync(string companyId, string webhookId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<WebhookDeliveryItem>>(WebhooksPath(companyId, $"/{Uri.EscapeDataString(webhookId)}/deliveries"), cancellationToken);

    public Task<ApiProblem?> RedeliverWebhookAsync(string companyId, string webhookId, string deliveryId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post,
            WebhooksPath(companyId, $"/{Uri.EscapeDataString(webhookId)}/deliveries/{Uri.EscapeDataString(deliveryId)}/redeliver"), null, cancellationToken);
}
