using System.Globalization;
using Arkoa.Api.Http;
using Arkoa.Core.Domain;
using Arkoa.Core.Tokens;

namespace Arkoa.Api.Auth;

/// <summary>
/// Holds a request made with an API token to what <see cref="ApiTokenAccess"/> (personal) or
/// <see cref="CompanyApiTokenAccess"/> (company) allows its scopes, before the endpoint
/// runs: 403 <c>token-scope-missing</c> naming the scope, <c>token-not-allowed</c> for what no token may do (tokens,
/// the account, sessions, the company's administration), <c>forbidden</c> for another company. Session requests pass.
/// </summary>
public sealed class ApiTokenScopeCheck(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.User.Identity is not { IsAuthenticated: true, AuthenticationType: ApiTokenAuthenticationHandler.SchemeName }
            || context.GetEndpoint() is not RouteEndpoint endpoint)
        {
            return next(context);
        }

        var user = context.User;
        var template = endpoint.RoutePattern.RawText ?? "";
        var tokenCompanyId = Guid.Parse(user.FindFirst(ApiTokenAuthenticationHandler.CompanyClaim)!.Value);
        var scopes = (ApiTokenScopes)int.Parse(user.FindFirst(ApiTokenAuthenticationHandler.ScopesClaim)!.Value, CultureInfo.InvariantCulture);
        var decision = ApiTokenAuthenticationHandler.IsCompanyToken(user)
            ? CompanyApiTokenAccess.Decide(context.Request.Method, template, RouteGuid(context, "companyId"), tokenCompanyId, scopes)
            : ApiTokenAccess.Decide(
                context.Request.Method, template, RouteGuid(context, "companyId"), RouteGuid(context, "membershipId"), tokenCompanyId,
                Guid.Parse(user.FindFirst(ApiTokenAuthenticationHandler.MembershipClaim)!.Value), scopes);
        return decision.Verdict switch
        {
            ApiTokenVerdict.Allowed => next(context),
            ApiTokenVerdict.OtherCompany => Problems.Forbidden().ExecuteAsync(context),
            ApiTokenVerdict.NotForTokens => Problems.Forbidden(ProblemCodes.TokenNotAllowed,
                "An API token cannot do this: sign in to do it.").ExecuteAsync(context),
            _ => ScopeMissing(decision.Missing).ExecuteAsync(context),
        };
    }

    private static IResult ScopeMissing(ApiTokenScopes missing)
    {
        var names = ApiTokenScopeNames.Format(missing);
        return Problems.Problem(StatusCodes.Status403Forbidden, "Forbidden", ProblemCodes.TokenScopeMissing,
            $"This API token lacks the {string.Join(" and ", names)} scope.",
            new Dictionary<string, object?> { ["scope"] = names[0], ["missingScopes"] = names });
    }

    private static Guid? RouteGuid(HttpContext context, string name) =>
        context.Request.RouteValues.TryGetValue(name, out var value) && Guid.TryParse(value?.ToString(), out var id) ? id : null;
}
