using Arkoa.Web.Localization;
using Arkoa.Web.Api;
using Microsoft.AspNetCore.Components;

namespace Arkoa.Web.Components.Companies;

/// <summary>
/// Base of the pages under /companies/{CompanyId}: loads the company as the caller sees it (their membership and
/// role) before the page's own loading, and answers 404 for a company the caller is not in.
/// </summary>
public abstract class CompanyPage : ArkoaPage
{
    /// <summary>The company the user last opened, so "/" can take them back to it.</summary>
    public const string LastCompanyCookie = "arkoa_company";

    [Parameter]
    public Guid CompanyId { get; set; }

    /// <summary>Null when the company could not be loaded (see <see cref="CompanyProblem"/>) or the session ended.</summary>
    protected Company? Company { get; private set; }

    protected ApiProblem? CompanyProblem { get; private set; }

    protected string CompanyPath => $"/companies/{CompanyId}";

    protected bool IsManager => Company?.IsManager == true;

    protected bool IsAdmin => Company?.UserRole is "ADMIN";

    // The page's own Labels (from _Imports) are the same scoped instance: it gets the company's types here.
    [Inject]
    private Labels TypeNames { get; set; } = default!;

    protected sealed override async Task OnSignedInAsync()
    {
        var result = await Api.GetCompanyAsync(CompanyId.ToString(), Aborted);
        if (!result.Succeeded)
        {
            if (await SessionEndedAsync(result.Problem)) return;
            CompanyProblem = result.Problem;
            // Not a member and no such company look the same to the Api (403); to a browser both are "not found".
            if (result.Problem.Status is 403 or 404 && !HttpContext.Response.HasStarted)
            {
                HttpContext.Response.StatusCode = StatusCodes.Status404NotFound;
            }
            return;
        }

        Company = result.Value;
        HttpContext.Response.Cookies.Append(LastCompanyCookie, Company.Id, WebCultures.PreferenceCookie(HttpContext));
        // The company's types name every leave of the page; without them the built-ins keep their own words.
        var types = await Api.GetLeaveTypesAsync(Company.Id, Aborted);
        if (types.Succeeded) TypeNames.UseCompanyTypes(types.Value);
        await OnCompanyAsync(Company);
    }

    /// <summary>The page's own loading, once the caller is known to be an active member of <paramref name="company"/>.</summary>
    protected virtual Task OnCompanyAsync(Company company) => Task.CompletedTask;
}
