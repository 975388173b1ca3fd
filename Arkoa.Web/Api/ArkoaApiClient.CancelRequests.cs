namespace Arkoa.Web.Api;

/// <summary>A member's request to cancel their approved leave, and the managers' answers (issue 14 §7).</summary>
public sealed partial class ArkoaApiClient
{
    /// <summary>The member asks the managers to cancel their APPROVED leave; <paramref name="reason"/> is optional.</summary>
    public Task<ApiProblem?> RequestLeaveCancelAsync(string companyId, string membershipId, string leaveId, string? reason, int version,
        CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, $"{MemberUrl(companyId, membershipId)}/leaves/{Uri.EscapeDataString(leaveId)}/cancel-request",
            new RequestCancelBody(reason, version), cancellationToken);

    /// <summary>The member takes back their open request to cancel; the leave stays APPROVED.</summary>
    public Task<ApiProblem?> WithdrawLeaveCancelAsync(string companyId, string membershipId, string leaveId, int version,
        CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, $"{MemberUrl(companyId, membershipId)}/leaves/{Uri.EscapeDataString(leaveId)}/cancel-request/withdraw",
            new WithdrawCancelBody(version), cancellationToken);

    /// <summary>A manager declines a request to cancel, saying why; accepting it is <see cref="CancelLeaveAsync"/>.</summary>
    public Task<ApiProblem?> DeclineLeaveCancelAsync(string companyId, string leaveId, string? managerNote, int version,
        CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, $"{CompanyUrl(companyId)}/leaves/{Uri.EscapeDataString(leaveId)}/cancel-request/decline",
            new DeclineCancelBody(managerNote, version), cancellationToken);

    /// <summary>The open requests to cancel an approved leave (managers), the earliest start first.</summary>
    public Task<ApiResult<PagedList<CompanyLeave>>> GetCancelRequestsAsync(string companyId, int page, int pageSize,
        CancellationToken cancellationToken = default) =>
        GetJsonAsync<PagedList<CompanyLeave>>($"{CompanyUrl(companyId)}/cancel-requests?page={page}&pageSize={pageSize}", cancellationToken);

    private sealed record RequestCancelBody(string? Reason, int Version);

    private sealed record WithdrawCancelBody(int Version);

    private sealed record DeclineCancelBody(string? ManagerNote, int Version);
}
