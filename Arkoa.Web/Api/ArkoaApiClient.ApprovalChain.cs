namespace Arkoa.Web.Api;

// The approval chain page (SPEC §11): the company's chain and the members' approvers (admins change them).
public sealed partial class ArkoaApiClient
{
    /// <summary>The company's chain; a 404 problem (approval-chain-not-found) when it has none.</summary>
    public Task<ApiResult<ApprovalChain>> GetApprovalChainAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<ApprovalChain>(ChainUrl(companyId), cancellationToken);

    public Task<ApiProblem?> SetApprovalChainAsync(string companyId, string name, IReadOnlyList<ApprovalChainStep> steps, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Put, ChainUrl(companyId), new SaveApprovalChain(name, steps), cancellationToken);

    public Task<ApiProblem?> DeleteApprovalChainAsync(string companyId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, ChainUrl(companyId), null, cancellationToken);

    public Task<ApiResult<List<MemberApprover>>> GetMemberApproversAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<MemberApprover>>($"{CompanyUrl(companyId)}/member-approvers", cancellationToken);

    public Task<ApiProblem?> SetMemberApproverAsync(string companyId, string membershipId, string approverMembershipId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Put, ApproverUrl(companyId, membershipId), new SaveMemberApprover(approverMembershipId), cancellationToken);

    public Task<ApiProblem?> RemoveMemberApproverAsync(string companyId, string membershipId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, ApproverUrl(companyId, membershipId), null, cancellationToken);

    private static string ChainUrl(string companyId) => $"{CompanyUrl(companyId)}/approval-chain";

    private static string ApproverUrl(string companyId, string membershipId) =>
        $"{CompanyUrl(companyId)}/memberships/{Uri.EscapeDataString(membershipId)}/approver";
}
