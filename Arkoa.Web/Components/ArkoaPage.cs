using Arkoa.Web.Api;
using Arkoa.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Arkoa.Web.Components;

/// <summary>
/// Base of the signed-in pages: the request, the Api client, the caller's Api token, and the one rule every page
/// follows when the Api says the session is over (the Web cookie must not outlive it).
/// </summary>
public abstract class ArkoaPage : ComponentBase
{
    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected ArkoaApiClient Api { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>The Api session token, or null once the session has ended (the page is redirecting).</summary>
    protected string? Token { get; private set; }

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected bool IsPost => HttpMethods.IsPost(HttpContext.Request.Method);

    protected override async Task OnInitializedAsync()
    {
        Token = ArkoaClaims.TokenOf(HttpContext.User);
        if (Token is null)
        {
            await EndSessionAsync();
            return;
        }
        await OnSignedInAsync(Token);
    }

    /// <summary>The page's own loading, with a token that was valid when the request arrived.</summary>
    protected virtual Task OnSignedInAsync(string token) => Task.CompletedTask;

    /// <summary>True when <paramref name="problem"/> ended the session (the page is redirecting and should stop).</summary>
    protected async Task<bool> SessionEndedAsync(ApiProblem problem)
    {
        if (!problem.IsUnauthorized) return false;
        await EndSessionAsync();
        return true;
    }

    /// <summary>Post/Redirect/Get after a successful form: a reload must not send it twice.</summary>
    protected void RedirectTo(string path) => Navigation.NavigateTo(path);

    private async Task EndSessionAsync()
    {
        Token = null;
        await WebSession.SignOutAsync(HttpContext);
        Navigation.NavigateTo("/sign-in");
    }
}
