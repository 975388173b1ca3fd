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
        // Kestrel answers 413 from the declared length and closes the connection without reading the body. A client
        // still writing the megabyte then sees its write fail ("broken pipe") before it reads that answer, depending on
        // timing. Asking "Expect: 100-continue" makes the client wait for the server's word before sending the body,
        // so the refusal is read every time.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/companies")
        {
            Content = Json($$"""{"name":"{{new string('x', 1_100_000)}}"}"""),
        };
        request.Headers.ExpectContinue = true;
        var problem = await AccountTestKit.ProblemAsync(await user.Http.SendAsync(request), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal("body-too-large", problem.GetProperty("code").GetString());
    }
}
