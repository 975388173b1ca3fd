using System.Globalization;

namespace Arkoa.Web.Api;

/// <summary>Leaves, balances, reviews, the team calendar and the manager's figures.</summary>
public sealed partial class ArkoaApiClient
{
    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>One page of a member's leaves, latest start first; optionally one status and those ending on or after <paramref name="from"/>.</summary>
    public Task<ApiResult<PagedList<Leave>>> GetMemberLeavesAsync(string companyId, string membershipId,
        int page, int pageSize, string? status = null, DateOnly? from = null, CancellationToken cancellationToken = default,
        string list = "")
    {
        var query = $"?page={page}&pageSize={pageSize}";
        if (status is not null) query += $"&status={Uri.EscapeDataString(status)}";
        if (from is { } f) query += $"&from={Iso(f)}";
        query += list; // a list's own filters and sort (ListQuery.ForApi), checked by the Api
        return GetJsonAsync<PagedList<Leave>>($"{MemberUrl(companyId, membershipId)}/leaves{query}", cancellationToken);
    }

    /// <summary>What is left of each leave type for a member.</summary>
    public Task<ApiResult<IReadOnlyList<LeaveBalance>>> GetBalancesAsync(
        string companyId, string membershipId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<IReadOnlyList<LeaveBalance>>($"{MemberUrl(companyId, membershipId)}/leave-balances", cancellationToken);

    public Task<ApiResult<Leave>> CreateLeaveAsync(
        string companyId, string membershipId, LeaveDraft draft, CancellationToken cancellationToken = default) =>
        SendJsonAsync<Leave>(HttpMethod.Post, $"{MemberUrl(companyId, membershipId)}/leaves",
            new CreateLeaveRequest(draft.Type, draft.StartDate, draft.EndDate, draft.StartHalf, draft.EndHalf, draft.Reason),
            cancellationToken);

    /// <summary>Replaces a PENDING leave's type, dates and halves; <paramref name="version"/> is the one the user saw (409 when stale).</summary>
    public Task<ApiResult<Leave>> UpdateLeaveAsync(string companyId, string membershipId, string leaveId,
        LeaveDraft draft, int version, CancellationToken cancellationToken = default) =>
        SendJsonAsync<Leave>(HttpMethod.Patch, $"{MemberUrl(companyId, membershipId)}/leaves/{Uri.EscapeDataString(leaveId)}",
            new UpdateLeaveRequest(draft.Type, draft.StartDate, draft.EndDate, draft.StartHalf, draft.EndHalf, draft.Reason, version),
            cancellationToken);

    public Task<ApiProblem?> CancelLeaveAsync(string companyId, string membershipId, string leaveId, int version,
        CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, $"{MemberUrl(companyId, membershipId)}/leaves/{Uri.EscapeDataString(leaveId)}/cancel", new LeaveVersionRequest(version), cancellationToken);

    /// <summary>
    /// The days a range would cost, counted by the Api exactly as a new leave would be, and what it left out; with
    /// <paramref name="type"/> the balance after the request: of <paramref name="membershipId"/> (the caller by default),
    /// <paramref name="leaveId"/>'s days given back first when that pending leave is the one being edited.
    /// </summary>
    public Task<ApiResult<DayCount>> CountLeaveDaysAsync(string companyId, string startDate, string endDate,
        string? startHalf, string? endHalf, CancellationToken cancellationToken = default,
        string? type = null, string? membershipId = null, string? leaveId = null)
    {
        var query = $"?startDate={Uri.EscapeDataString(startDate)}&endDate={Uri.EscapeDataString(endDate)}";
        if (!string.IsNullOrEmpty(startHalf)) query += $"&startHalf={Uri.EscapeDataString(startHalf)}";
        if (!string.IsNullOrEmpty(endHalf)) query += $"&endHalf={Uri.EscapeDataString(endHalf)}";
        if (!string.IsNullOrEmpty(type)) query += $"&type={Uri.EscapeDataString(type)}";
        if (!string.IsNullOrEmpty(membershipId)) query += $"&membershipId={Uri.EscapeDataString(membershipId)}";
        if (!string.IsNullOrEmpty(leaveId)) query += $"&leaveId={Uri.EscapeDataString(leaveId)}";
        return GetJsonAsync<DayCount>($"{CompanyUrl(companyId)}/leaves/day-count{query}", cancellationToken);
    }

    /// <summary>
    /// One page of the company's leaves (managers): PENDING first, the earliest start first, then the latest start first;
    /// only those sharing a day with [<paramref name="from"/>, <paramref name="to"/>] when given.
    /// </summary>
    public Task<ApiResult<PagedList<CompanyLeave>>> GetCompanyLeavesAsync(string companyId, string? status,
        int page, int pageSize, CancellationToken cancellationToken = default, DateOnly? from = null, DateOnly? to = null,
        string list = "")
    {
        var query = $"?page={page}&pageSize={pageSize}";
        if (status is not null) query += $"&status={Uri.EscapeDataString(status)}";
        if (from is { } f) query += $"&from={Iso(f)}";
        if (to is { } t) query += $"&to={Iso(t)}";
        query += list; // a list's own filters and sort (ListQuery.ForApi), checked by the Api
        return GetJsonAsync<PagedList<CompanyLeave>>($"{CompanyUrl(companyId)}/leaves{query}", cancellationToken);
    }

    /// <summary>A chained request's steps, approvers and decisions (SPEC §11).</summary>
    public Task<ApiResult<LeaveApprovalProgress>> GetLeaveApprovalAsync(string companyId, string leaveId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<LeaveApprovalProgress>($"{CompanyUrl(companyId)}/leaves/{Uri.EscapeDataString(leaveId)}/approval", cancellationToken);

    /// <summary>The delegations not yet ended that the caller gave or received (an admin: all).</summary>
    public Task<ApiResult<List<ApprovalDelegation>>> GetDelegationsAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<ApprovalDelegation>>($"{CompanyUrl(companyId)}/approval-delegations", cancellationToken);

    /// <summary>Hands the caller's approvals to <paramref name="toMembershipId"/> from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public Task<ApiProblem?> DelegateAsync(string companyId, string toMembershipId, DateOnly start, DateOnly end, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, $"{CompanyUrl(companyId)}/approval-delegations",
            new { toMembershipId, startDate = Iso(start), endDate = Iso(end) }, cancellationToken);

    public Task<ApiProblem?> EndDelegationAsync(string companyId, string delegationId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"{CompanyUrl(companyId)}/approval-delegations/{Uri.EscapeDataString(delegationId)}", null, cancellationToken);

    /// <summary>Approves or rejects a PENDING leave; <paramref name="version"/> is the one the manager saw (409 when someone decided first).</summary>
    /// <summary>Approves or rejects; <paramref name="overrideCoverage"/> approves although a team falls short of its rule (SPEC §12).</summary>
    public Task<ApiProblem?> ReviewLeaveAsync(string companyId, string leaveId, string status, string? managerNote,
        int version, CancellationToken cancellationToken = default, bool overrideCoverage = false) =>
        SendWithoutResultAsync(HttpMethod.Post, $"{CompanyUrl(companyId)}/leaves/{Uri.EscapeDataString(leaveId)}/review",
            new ReviewLeaveRequest(status, managerNote, version, overrideCoverage ? true : null), cancellationToken);

    /// <summary>A month of the company's calendar, or of one team and its sub-teams.</summary>
    public Task<ApiResult<MonthCalendar>> GetCalendarAsync(string companyId, int year, int month, string? teamId = null,
        CancellationToken cancellationToken = default) =>
        GetJsonAsync<MonthCalendar>($"{CompanyUrl(companyId)}/calendar?year={year}&month={month}"
            + (teamId is null ? "" : $"&team={Uri.EscapeDataString(teamId)}"), cancellationToken);

    public Task<ApiResult<CompanyStats>> GetCompanyStatsAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<CompanyStats>($"{CompanyUrl(companyId)}/stats", cancellationToken);

    /// <summary>What the managers' dashboard draws: absences per month by type and paid leave per member.</summary>
    public Task<ApiResult<ChartStats>> GetChartStatsAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<ChartStats>($"{CompanyUrl(companyId)}/stats/charts", cancellationToken);

    public Task<ApiResult<LeaveStats>> GetLeaveStatsAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<LeaveStats>($"{CompanyUrl(companyId)}/leaves/stats", cancellationToken);
}
