using System.Net;
using static Arkoa.Tests.Integration.CompanyTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The body size limit is Kestrel's (the in-process test server has none), so it is checked against the real Api
/// process of the AppHost.
/// </summary>
public sealed class RequestSizeTests(ArkoaAppFixture app) : IClassFixture<ArkoaAppFixture>
{
    [Fact]
    public async Task A_body_over_one_megabyte_is_refused()
    {
        var user = await ApiSession.SignUpAsync(app);
        var response = await user.Http.PostAsync("/api/companies", Json($$"""{"name":"{{new string('x', 1_100_000)}}"}"""));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }
}
