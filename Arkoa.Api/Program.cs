using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Arkoa.Api.Auth;
using Arkoa.Api.Endpoints;
using Arkoa.Api.Http;
using Arkoa.Api.OpenApi;
using Arkoa.Core.Balances;
using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Arkoa.Core.MailDecisions;
using Arkoa.Core.Memberships;
using Arkoa.Core.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNpgsqlDbContext<ArkoaDbContext>(ArkoaDbContext.ConnectionName,
    settings => settings.ConnectionString = Arkoa.Api.Data.DatabasePool.Apply(settings.ConnectionString, builder.Configuration),
    options => ArkoaDbContextOptions.Apply(options.AddInterceptors(
        Arkoa.Api.Data.PreparedStatementReset.Instance, Arkoa.Api.Data.CompanyApiTokenAttribution.Instance)));
builder.AddRedisClient("redis");
builder.AddWebSecurityDefaults();

// Enums travel by name only: a number such as "role": 7 would otherwise bind to a value that does not exist.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false)));
// Every string and date of a body is checked as it is read: control characters and dates out of bounds are a 400 naming the field.
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolver =
    (o.SerializerOptions.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
    .WithAddedModifier(JsonInputRules.Apply));
builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ProblemDetailsConventions.Apply);
builder.Services.AddValidation();
builder.Services.AddArkoaOpenApi();
builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
builder.Services.AddExceptionHandler<KeptHistoryExceptionHandler>();
// Always throw on unreadable input so BadRequestExceptionHandler can name the field (the default only does in Development).
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

// A bearer value with the API token prefix goes to the token handler, anything else to the session handler.
builder.Services.AddAuthentication(ApiAuthentication.SchemeName)
    .AddPolicyScheme(ApiAuthentication.SchemeName, null, o => o.ForwardDefaultSelector = ApiAuthentication.Select)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, SessionAuthenticationHandler>(
        SessionAuthenticationHandler.SchemeName, null)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthenticationHandler>(
        ApiTokenAuthenticationHandler.SchemeName, null)
    .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, Arkoa.Api.Scim.ScimAuthenticationHandler>(
        Arkoa.Api.Scim.ScimAuthenticationHandler.SchemeName, null);
// Everything needs a session unless an endpoint says AllowAnonymous.
builder.Services.AddAuthorizationBuilder()
    .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
    .AddPolicy(Arkoa.Api.Scim.ScimAuthenticationHandler.PolicyName, Arkoa.Api.Scim.ScimAuthenticationHandler.Policy);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IPasswordHasher<User>, PasswordHasher<User>>();
// OWASP's work factor (PasswordHashing) unless "PasswordHasher:IterationCount" says otherwise. Only Development may go
// below it: the test suite does, so that its thousands of sign-ins spend the CPU on what they test, not on PBKDF2.
builder.Services.AddOptions<PasswordHasherOptions>()
    .Configure(o => o.IterationCount = Arkoa.Core.Security.PasswordHashing.Iterations)
    .BindConfiguration("PasswordHasher")
    .Validate(o => o.IterationCount >= Arkoa.Core.Security.PasswordHashing.Iterations || builder.Environment.IsDevelopment(),
        $"PasswordHasher:IterationCount below {Arkoa.Core.Security.PasswordHashing.Iterations} is allowed in Development only.")
    .ValidateOnStart();
builder.Services.AddHttpContextAccessor();
builder.Services.AddSingleton<SignInDelay>();
builder.Services.AddScoped<SessionIssuer>();
builder.Services.AddSingleton<SessionCache>();
builder.Services.AddSingleton<SessionRevocations>();
builder.Services.AddHostedService(services => services.GetRequiredService<SessionRevocations>());
builder.Services.AddScoped<PasswordVerifier>();
builder.Services.AddScoped<PasswordResetIssuer>();
builder.Services.AddSingleton<AuthAttemptLimiter>();
builder.Services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
builder.Services.AddApiRateLimiting();
builder.Services.AddScoped<BalanceLedger>();
builder.Services.AddScoped<Arkoa.Api.Leaves.LeaveNotifications>();
builder.Services.AddScoped<Arkoa.Api.Leaves.LeaveReview>();
builder.Services.AddScoped<Arkoa.Api.Approvals.MailDecisionAccess>();
builder.Services.AddScoped<MemberEnrolment>();
builder.Services.AddSingleton<Arkoa.Api.Caching.CompanyViewCache>();
builder.AddWebhookSettings();
builder.AddDecisionLinks();
builder.Services.AddScoped<Arkoa.Core.Webhooks.WebhookOutbox>();
builder.Services.AddScoped<Arkoa.Api.Scim.ScimUserProvisioning>();
builder.Services.AddScoped<Arkoa.Api.Scim.ScimGroupProvisioning>();
builder.Services.AddSingleton<Arkoa.Api.Sso.SsoProviderClient>();
builder.Services.AddScoped<Arkoa.Api.Sso.SsoAccountLinker>();

var app = builder.Build();

// The Api owns the schema. Replicas starting together take turns (an advisory lock around the migrations). They run as
// the schema's owner role; the Api then works as a role that cannot change the schema.
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<ArkoaDbContext>()
        .MigrateSerializedAsync(builder.Configuration.GetConnectionString(ArkoaDbContext.OwnerConnectionName));
}
PasswordPolicy.WarmUp();

// The Api serves JSON only: nothing may frame it or run anything from it.
app.UseWebSecurityDefaults("default-src 'none'; frame-ancestors 'none'");
app.UseNoStoreByDefault();
app.UseWebClientProof();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseApiReferencePagePolicy();
// Before authentication: a request waiting its turn costs nothing, not even its session lookup.
app.UseMiddleware<InFlightLimit>();
app.UseMiddleware<CookieOriginCheck>();
app.UseAuthentication();
// After authentication, so the limit is per signed-in user.
app.UseRateLimiter();
app.UseAuthorization();
app.UseMiddleware<ApiTokenScopeCheck>();
app.UseMiddleware<QueryAndRouteTextCheck>();
// Last before the endpoint: a refused or unauthenticated request never takes a key.
app.UseMiddleware<IdempotencyKeys>();

app.MapDefaultEndpoints();
app.MapArkoaOpenApi();
app.MapGroup("/api")
    .MapAuthEndpoints()
    .MapEmailChangeEndpoints()
    .MapSessionEndpoints()
    .MapApiTokenEndpoints()
    .MapCompanyApiTokenEndpoints()
    .MapUserEndpoints()
    .MapCompanyEndpoints()
    .MapCompanyLogoEndpoints()
    .MapCompanyHolidayEndpoints()
    .MapLeaveTypeEndpoints()
    .MapTeamEndpoints()
    .MapTeamCapacityEndpoints()
    .MapBlackoutPeriodEndpoints()
    .MapLeaveCoverageEndpoints()
    .MapTeamMemberEndpoints()
    .MapTeamManagerEndpoints()
    .MapMembershipEndpoints()
    .MapInvitationEndpoints()
    .MapLeaveEndpoints()
    .MapLeaveDayCountEndpoints()
    .MapLeaveReviewEndpoints()
    .MapLeaveCancelRequestEndpoints()
    .MapLeaveApprovalEndpoints()
    .MapApprovalChainEndpoints()
    .MapMemberApproverEndpoints()
    .MapApprovalDelegationEndpoints()
    .MapMailDecisionEndpoints()
    .MapLeaveHistoryEndpoints()
    .MapBalanceEndpoints()
    .MapCompanyLeaveEndpoints()
    .MapChartStatsEndpoints()
    .MapCalendarEndpoints()
    .MapCalendarLinkEndpoints()
    .MapExportEndpoints()
    .MapPayrollEndpoints()
    .MapLedgerEndpoints()
    .MapWebhookEndpoints()
    .MapChatChannelEndpoints()
    .MapScimTokenEndpoints()
    .MapSsoProviderEndpoints()
    .MapSsoSignInEndpoints()
    .MapHealthEndpoints()
    .MapBenchEndpoints();
// SCIM has its own discovery (ServiceProviderConfig, Schemas), so it stays out of the OpenAPI document.
Arkoa.Api.Scim.ScimEndpoints.MapScimEndpoints(app);

app.Run();

/// <summary>Visible to tests.</summary>
public partial class Program;
