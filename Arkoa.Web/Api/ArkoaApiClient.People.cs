namespace Arkoa.Web.Api;

// The Team and member detail pages: members, invitations, a member's leaves, balances and history.
public sealed partial class ArkoaApiClient
{
    private static string Members(string companyId) => $"api/companies/{Uri.EscapeDataString(companyId)}/memberships";

    private static string Member(string companyId, string membershipId) => $"{Members(companyId)}/{Uri.EscapeDataString(membershipId)}";

    /// <summary>The first 200 members (the Api's largest page), by name.</summary>
    public Task<ApiResult<TeamMemberList>> GetTeamAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<TeamMemberList>($"{Members(companyId)}?page=1&pageSize=200", cancellationToken);

    public Task<ApiResult<TeamMember>> GetTeamMemberAsync(
        string companyId, string membershipId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<TeamMember>(Member(companyId, membershipId), cancellationToken);

    /// <summary>Mails the address an invitation (whether or not it has an account); null when it is on its way.</summary>
    public Task<ApiProblem?> InviteAsync(
        string companyId, string email, string role, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, Members(companyId), new AddMemberRequest(email, role), cancellationToken);

    /// <summary>Changes a member's role and/or active flag (null keeps it).</summary>
    public Task<ApiResult<TeamMember>> UpdateMemberAsync(
        string companyId, string membershipId, string? role, bool? active, CancellationToken cancellationToken = default) =>
        SendJsonAsync<TeamMember>(HttpMethod.Patch, Member(companyId, membershipId), new UpdateMemberRequest(role, active), cancellationToken);

    public Task<ApiResult<SentInvitationList>> GetInvitationsAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<SentInvitationList>($"api/companies/{Uri.EscapeDataString(companyId)}/invitations?page=1&pageSize=200", cancellationToken);

    public Task<ApiProblem?> RevokeInvitationAsync(string companyId, string invitationId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete,
            $"api/companies/{Uri.EscapeDataString(companyId)}/invitations/{Uri.EscapeDataString(invitationId)}", null, cancellationToken);

    /// <summary>Anonymous: what the mailed link invites to.</summary>
    public Task<ApiResult<InvitationPreview>> GetInvitationAsync(string invitationToken, CancellationToken cancellationToken = default) =>
        SendAsync(HttpMethod.Get, $"api/invitations/{Uri.EscapeDataString(invitationToken)}", body: null,
            ReadJsonAsync<InvitationPreview>, cancellationToken, withoutSession: true);

    public Task<ApiResult<TeamMember>> AcceptInvitationAsync(string invitationToken, CancellationToken cancellationToken = default) =>
        SendJsonAsync<TeamMember>(HttpMethod.Post, $"api/invitations/{Uri.EscapeDataString(invitationToken)}/accept", null, cancellationToken);

    /// <summary>One page (20, newest first) of a member's leaves.</summary>
    public Task<ApiResult<MemberLeaveList>> GetMemberLeavesAsync(
        string companyId, string membershipId, int page, CancellationToken cancellationToken = default) =>
        GetJsonAsync<MemberLeaveList>($"{Member(companyId, membershipId)}/leaves?page={page}&pageSize=20", cancellationToken);

    public Task<ApiResult<List<MemberBalance>>> GetMemberBalancesAsync(
        string companyId, string membershipId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<MemberBalance>>($"{Member(companyId, membershipId)}/leave-balances", cancellationToken);

    /// <summary>One page (20, newest first) of a member's balance history.</summary>
    public Task<ApiResult<BalanceHistoryPage>> GetBalanceHistoryAsync(
        string companyId, string membershipId, int page, CancellationToken cancellationToken = default) =>
        GetJsonAsync<BalanceHistoryPage>($"{Member(companyId, membershipId)}/leave-balance-history?page={page}&pageSize=20", cancellationToken);

    public Task<ApiResult<MemberBalance>> AdjustBalanceAsync(
        string companyId, string membershipId, string type, decimal change, string reason, string historyType,
        CancellationToken cancellationToken = default) =>
        SendJsonAsync<MemberBalance>(HttpMethod.Post, $"{Member(companyId, membershipId)}/leave-balances",
            new AdjustBalanceRequest(type, change, reason, historyType), cancellationToken);
}
