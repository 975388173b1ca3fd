using Arkoa.Web.Api;
using Arkoa.Web.Auth;
using Arkoa.Web.Components;
using Arkoa.Web.Leaves;
using Arkoa.Web.Downloads;
using Arkoa.Web.Localization;
using Arkoa.Web.Security;
using Microsoft.AspNetCore.Authentication.Cookies;

var builder = WebApplication.CreateBuilder(args);

builder.AddServiceDefaults();
builder.AddWebSecurityDefaults();
builder.AddRedisClient("redis");
builder.AddSharedDataProtection();
builder.Services.AddSingleton<Arkoa.Web.Security.NoticeSubject>();
builder.AddWebLocalization();
builder.Services.AddScoped<Labels>();
builder.Services.AddSingleton<ProblemLocalizer>();

// Static server-side rendering only: no interactive render modes, no circuits, no WebAssembly.
builder.Services.AddRazorComponents();

// Development runs on plain http (launchSettings); everywhere else cookies must never leave over http.
var cookieSecurePolicy = builder.Environment.IsDevelopment()
    ? CookieSecurePolicy.SameAsRequest
    : CookieSecurePolicy.Always;

builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme)
    .AddCookie(options =>
    {
        options.Cookie.Name = "arkoa_web";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = cookieSecurePolicy;
        options.LoginPath = "/sign-in";
        options.ExpireTimeSpan = TimeSpan.FromDays(7);
        options.SlidingExpiration = true;
    })
    .AddSsoSignIn(builder.Environment.IsDevelopment());
builder.Services.AddAuthorization();
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddAntiforgery(options => options.Cookie.SecurePolicy = cookieSecurePolicy);

builder.Services.AddHttpContextAccessor();
builder.Services.AddTransient<ForwardedForHandler>();
builder.Services.AddTransient<SessionTokenHandler>();
// "api" is resolved by Aspire service discovery (https preferred, http accepted).
var apiClient = builder.Services.AddHttpClient<ArkoaApiClient>(c => c.BaseAddress = new Uri("https+http://api"))
    // One client serves every visitor: a cookie jar would send the last sign-in's Api session with everyone's calls.
    .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { UseCookies = false })
    .AddHttpMessageHandler<ForwardedForHandler>()
    .AddHttpMessageHandler<SessionTokenHandler>();
// Replace the service defaults' resilience handler, which retries POSTs and counts 429s as faults, with
// one tuned for this Api (see ApiResilience). RemoveAllResilienceHandlers is the documented way to do it
// but still marked experimental: a package version that drops it fails this build rather than silently.
#pragma warning disable EXTEXP0001
apiClient.RemoveAllResilienceHandlers();
#pragma warning restore EXTEXP0001
apiClient.AddStandardResilienceHandler(ApiResilience.Configure);

var app = builder.Build();

app.UseWebSecurityDefaults(WebContentSecurityPolicy.Value);
app.UsePublicAddress();
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
}
// Before anything renders text: the language comes from the culture cookie, then the browser (French by default).
app.UseRequestLocalization();
app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

app.UseAuthentication();
app.UseAuthorization();
// After authentication: antiforgery tokens are bound to the signed-in user.
app.UseAntiforgery();

app.MapStaticAssets();
app.MapDefaultEndpoints();
app.MapLanguageEndpoint();
app.MapDayCountEndpoint();
app.MapDownloadEndpoints();
app.MapSsoStartEndpoint();
app.MapRazorComponents<App>();

app.Run();
