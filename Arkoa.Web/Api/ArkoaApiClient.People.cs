namespace Arkoa.Web.Api;

// The Team and member detail pages: members, invitations, a member's leaves, balances and history.
public sealed partial class ArkoaApiClient
{
    /// <summary>
    /// The first 200 members (the Api's largest page), by name, as the caller may see them: a manager gets each
    /// membership whole (<see cref="TeamMember"/>), an employee their active colleagues' names and roles (<see cref="Colleague"/>).
    /// </summary>
    public Task<ApiResult<PagedList<TMember>>> GetMembersAsync<TMember>(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<PagedList<TMember>>($"{CompanyUrl(companyId)}/memberships?page=1&pageSize=200", cancellationToken);

    /// <summary>One page of the members, filtered and sorted as <paramref name="list"/> says (ListQuery.ForApi).</summary>
    public Task<ApiResult<PagedList<TMember>>> GetMembersAsync<TMember>(
        string companyId, int page, int pageSize, string list, CancellationToken cancellationToken = default) =>
        GetJsonAsync<PagedList<TMember>>($"{CompanyUrl(companyId)}/memberships?page={page}&pageSize={pageSize}{list}", cancellationToken);

    public Task<ApiResult<TeamMember>> GetTeamMemberAsync(
        string companyId, string membershipId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<TeamMember>(MemberUrl(companyId, membershipId), cancellationToken);

    /// <summary>Mails the address an invitation (whether or not it has an account); <c>Resent</c> when it replaces an earlier one.</summary>
    public Task<ApiResult<InvitationSent>> InviteAsync(
        string companyId, string email, string role, CancellationToken cancellationToken = default) =>
        SendJsonAsync<InvitationSent>(HttpMethod.Post, $"{CompanyUrl(companyId)}/memberships", new AddMemberRequest(email, role), cancellationToken);

    /// <summary>Changes a member's role and/or active flag (null keeps it).</summary>
    public Task<ApiResult<TeamMember>> UpdateMemberAsync(
        string companyId, string membershipId, string? role, bool? active, CancellationToken cancellationToken = default) =>
        SendJsonAsync<TeamMember>(HttpMethod.Patch, MemberUrl(companyId, membershipId), new UpdateMemberRequest(role, active), cancellationToken);

    public Task<ApiResult<PagedList<SentInvitation>>> GetInvitationsAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<PagedList<SentInvitation>>($"{CompanyUrl(companyId)}/invitations?page=1&pageSize=200", cancellationToken);

    public Task<ApiProblem?> RevokeInvitationAsync(string companyId, string invitationId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete,
            $"{CompanyUrl(companyId)}/invitations/{Uri.EscapeDataString(invitationId)}", null, cancellationToken);

    /// <summary>Anonymous: what the mailed link invites to.</summary>
    public Task<ApiResult<InvitationPreview>> GetInvitationAsync(string invitationToken, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"api/invitations/{Uri.EscapeDataString(invitationToken)}", body: null,
            ReadJsonAsync<InvitationPreview>, cancellationToken, withoutSession: true);

    public Task<ApiResult<TeamMember>> AcceptInvitationAsync(string invitationToken, CancellationToken cancellationToken = default) =>
        SendJsonAsync<TeamMember>(HttpMethod.Post, $"api/invitations/{Uri.EscapeDataString(invitationToken)}/accept", null, cancellationToken);

    /// <summary>One page (20, newest first) of a member's balance history.</summary>
    public Task<ApiResult<PagedList<BalanceHistoryEntry>>> GetBalanceHistoryAsync(
        string companyId, string membershipId, int page, CancellationToken cancellationToken = default, string list = "") =>
        GetJsonAsync<PagedList<BalanceHistoryEntry>>($"{MemberUrl(companyId, membershipId)}/leave-balance-history?page={page}&pageSize=20{list}", cancellationToken);

    public Task<ApiResult<LeaveBalance>> AdjustBalanceAsync(
        string companyId, string membershipId, string type, decimal change, string reason, string historyType,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync<LeaveBalance>(HttpMethod.Post, $"{MemberUrl(companyId, membershipId)}/leave-balances",
            new AdjustBalanceRequest(type, change, reason, historyType), cancellationToken);
}
