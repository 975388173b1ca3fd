namespace Arkoa.Api.Scim;

/// <summary>
/// /scim/v2/{companyId}: the company's SCIM 2.0 service (docs/integrations.md#scim-provisioning), open to the company's
/// SCIM token only (<see cref="ScimAuthenticationHandler"/>). Left out of the OpenAPI document on purpose: SCIM clients
/// read its own discovery endpoints, and its media type and error schema are not the Api's.
/// </summary>
public static class ScimEndpoints
{
    public static IEndpointRouteBuilder MapScimEndpoints(this IEndpointRouteBuilder app)
    {
        var scim = app.MapGroup("/scim/v2/{companyId:guid}")
            .RequireAuthorization(ScimAuthenticationHandler.PolicyName)
            .ExcludeFromDescription();
        scim.MapScimDiscoveryEndpoints().MapScimUserEndpoints().MapScimGroupEndpoints();
        return app;
    }
}
