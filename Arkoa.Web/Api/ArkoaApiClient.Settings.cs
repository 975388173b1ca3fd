namespace Arkoa.Web.Api;

// The company settings page: the company's settings, its holidays.
public sealed partial class ArkoaApiClient
{
    private static string CompanyPath(string companyId) => $"api/companies/{Uri.EscapeDataString(companyId)}";

    public Task<ApiResult<CompanySettings>> GetCompanySettingsAsync(string token, string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<CompanySettings>(CompanyPath(companyId), token, cancellationToken);

    internal Task<ApiResult<CompanySettings>> UpdateCompanyAsync(
        string token, string companyId, UpdateCompanyRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CompanySettings>(HttpMethod.Patch, CompanyPath(companyId), token, request, cancellationToken);

    /// <summary>The company's own closed days, the first 200 by date.</summary>
    public Task<ApiResult<CompanyHolidayList>> GetCompanyHolidaysAsync(string token, string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<CompanyHolidayList>($"{CompanyPath(companyId)}/holidays?page=1&pageSize=200", token, cancellationToken);

    public Task<ApiResult<CompanyHoliday>> AddCompanyHolidayAsync(
        string token, string companyId, DateOnly date, string name, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CompanyHoliday>(HttpMethod.Post, $"{CompanyPath(companyId)}/holidays", token, new CreateHolidayRequest(date, name), cancellationToken);

    public Task<ApiProblem?> DeleteCompanyHolidayAsync(string token, string companyId, string holidayId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"{CompanyPath(companyId)}/holidays/{Uri.EscapeDataString(holidayId)}", token, null, cancellationToken);
}
