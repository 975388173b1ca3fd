using Arkoa.Web.Api;
using Arkoa.Web.Auth;
using Microsoft.AspNetCore.Components;

namespace Arkoa.Web.Components;

/// <summary>
/// Base of the signed-in pages: the request, the Api client (which sends the caller's Api session itself), and the one
/// rule every page follows when the Api says the session is over (the Web cookie must not outlive it).
/// </summary>
public abstract class ArkoaPage : ComponentBase
{
    [CascadingParameter]
    protected HttpContext HttpContext { get; set; } = default!;

    [Inject]
    protected ArkoaApiClient Api { get; set; } = default!;

    [Inject]
    protected NavigationManager Navigation { get; set; } = default!;

    /// <summary>False once the session has ended (the page is redirecting and its forms do nothing).</summary>
    protected bool SignedIn { get; private set; }

    protected CancellationToken Aborted => HttpContext.RequestAborted;

    protected bool IsPost => HttpMethods.IsPost(HttpContext.Request.Method);

    /// <summary>
    /// Whether the page may say, from its query ("?sent=…", "?done=…"), that the last action worked. A form posts to
    /// the page's own address, query included, and a form that worked redirects (Post/Redirect/Get): a POST's answer
    /// is a failure or a preview, and a success notice above its error would be the previous action's.
    /// </summary>
    protected bool ShowsDoneNotice => !IsPost;

    protected override async Task OnInitializedAsync()
    {
        SignedIn = ArkoaClaims.TokenOf(HttpContext.User) is not null;
        if (!SignedIn)
        {
            await EndSessionAsync();
            return;
        }
        await OnSignedInAsync();
    }

    /// <summary>The page's own loading, for a caller whose cookie carried an Api session when the request arrived.</summary>
    protected virtual Task OnSignedInAsync() => Task.CompletedTask;

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
        SignedIn = false;
        await WebSession.SignOutAsync(HttpContext);
        Navigation.NavigateTo("/sign-in");
    }
}
