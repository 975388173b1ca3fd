namespace Arkoa.Web.Api;

// Capacity (SPEC §12): a team's coverage rule and days, the company's blackout periods (admins change them).
public sealed partial class ArkoaApiClient
{
    public Task<ApiResult<TeamCapacity>> GetTeamCapacityAsync(string companyId, string teamId, DateOnly from, int weeks, CancellationToken cancellationToken = default) =>
        GetJsonAsync<TeamCapacity>(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{TeamUrl(companyId, teamId)}/capacity?from={from:yyyy-MM-dd}&weeks={weeks}"), cancellationToken);

    public Task<ApiProblem?> SetTeamCoverageAsync(string companyId, string teamId, int? minimumPresent, int? maximumAbsent, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Put, $"{TeamUrl(companyId, teamId)}/coverage", new TeamCoverageRequest(minimumPresent, maximumAbsent), cancellationToken);

    public Task<ApiResult<List<BlackoutPeriod>>> GetBlackoutPeriodsAsync(string companyId, DateOnly endingFrom, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<BlackoutPeriod>>(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{BlackoutsUrl(companyId)}?endingFrom={endingFrom:yyyy-MM-dd}"), cancellationToken);

    public Task<ApiProblem?> AddBlackoutPeriodAsync(string companyId, NewBlackoutPeriod period, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Post, BlackoutsUrl(companyId), period, cancellationToken);

    public Task<ApiProblem?> DeleteBlackoutPeriodAsync(string companyId, string periodId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"{BlackoutsUrl(companyId)}/{Uri.EscapeDataString(periodId)}", null, cancellationToken);

    public Task<ApiResult<LeaveCoverage>> GetLeaveCoverageAsync(string companyId, string leaveId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<LeaveCoverage>($"{CompanyUrl(companyId)}/leaves/{Uri.EscapeDataString(leaveId)}/coverage", cancellationToken);

    private static string BlackoutsUrl(string companyId) => $"{CompanyUrl(companyId)}/blackout-periods";
}
