namespace Arkoa.Web.Api;

// The company settings page: the company's settings, its holidays.
public sealed partial class ArkoaApiClient
{
    internal Task<ApiResult<Company>> UpdateCompanyAsync(
        string companyId, UpdateCompanyRequest request, CancellationToken cancellationToken = default) =>
        SendJsonAsync<Company>(HttpMethod.Patch, CompanyUrl(companyId), request, cancellationToken);

    /// <summary>The company's own closed days, the first 200 by date.</summary>
    public Task<ApiResult<PagedList<CompanyHoliday>>> GetCompanyHolidaysAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<PagedList<CompanyHoliday>>($"{CompanyUrl(companyId)}/holidays?page=1&pageSize=200", cancellationToken);

    public Task<ApiResult<CompanyHoliday>> AddCompanyHolidayAsync(
        string companyId, DateOnly date, string name, CancellationToken cancellationToken = default) =>
        SendJsonAsync<CompanyHoliday>(HttpMethod.Post, $"{CompanyUrl(companyId)}/holidays", new CreateHolidayRequest(date, name), cancellationToken);

    public Task<ApiProblem?> DeleteCompanyHolidayAsync(string companyId, string holidayId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"{CompanyUrl(companyId)}/holidays/{Uri.EscapeDataString(holidayId)}", null, cancellationToken);

    /// <summary>Uploads the company logo (PNG, JPEG or SVG ≤ 512 KiB; the Api checks) as the multipart field "file".</summary>
    public async Task<ApiProblem?> UploadLogoAsync(
        string companyId, Stream image, string fileName, string? contentType, CancellationToken cancellationToken = default)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, $"{CompanyUrl(companyId)}/logo");
        var file = new StreamContent(image);
        if (System.Net.Http.Headers.MediaTypeHeaderValue.TryParse(contentType, out var type)) file.Headers.ContentType = type;
        request.Content = new MultipartFormDataContent { { file, "file", fileName } };
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : await ApiProblemReader.ReadAsync(response, cancellationToken);
        }
        catch (Exception exception) when (IsUnreachable(exception, cancellationToken))
        {
            LogUnreachable(logger, exception, "PUT", "api/companies/{id}/logo");
            return ApiProblem.Unavailable;
        }
    }

    public Task<ApiProblem?> RemoveLogoAsync(string companyId, CancellationToken cancellationToken = default) =>
        SendWithoutResultAsync(HttpMethod.Delete, $"{CompanyUrl(companyId)}/logo", null, cancellationToken);
}
