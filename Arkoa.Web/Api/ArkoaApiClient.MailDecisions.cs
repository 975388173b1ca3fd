namespace Arkoa.Web.Api;

// The Approve and Reject links of approvers' mails: anonymous, the signed token in the body (never in the Api's address).
public sealed partial class ArkoaApiClient
{
    public Task<ApiResult<MailDecisionPreview>> PreviewMailDecisionAsync(string token, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/mail-decisions/preview", new MailDecisionPreviewRequest(token),
            ReadJsonAsync<MailDecisionPreview>, cancellationToken, withoutSession: true);

    /// <param name="decision">APPROVED or REJECTED.</param>
    public Task<ApiResult<MailDecisionOutcome>> DecideByMailLinkAsync(
        string token, string decision, string? managerNote, bool overrideCoverage, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Post, "api/mail-decisions", new MailDecisionRequest(token, decision, managerNote, overrideCoverage ? true : null),
            ReadJsonAsync<MailDecisionOutcome>, cancellationToken, withoutSession: true);
}
