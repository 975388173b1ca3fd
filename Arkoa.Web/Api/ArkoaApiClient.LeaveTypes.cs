namespace Arkoa.Web.Api;

// The company's leave types (issue 17): their names for every company page, the types the request form offers.
public sealed partial class ArkoaApiClient
{
    public Task<ApiResult<List<LeaveTypeInfo>>> GetLeaveTypesAsync(string companyId, CancellationToken cancellationToken = default) =>
        GetJsonAsync<List<LeaveTypeInfo>>($"{CompanyUrl(companyId)}/leave-types", cancellationToken);
}
