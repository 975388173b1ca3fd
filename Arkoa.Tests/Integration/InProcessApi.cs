extern alias ArkoaApi;

using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>
/// The Api's own Program run in this process (<see cref="WebApplicationFactory{TEntryPoint}"/>) on a fresh database of
/// its own, against the run's real PostgreSQL and Redis (<see cref="ApiServers"/>): for endpoint contracts and
/// authorization tables, which need no mail, Worker, Web or restart. A class fixture, so each test class gets its own
/// database and classes can run side by side, and beside the AppHost collection.
/// </summary>
public class InProcessApi : IAsyncLifetime, IArkoaApi
{
    /// <summary>The trait of the classes that use it: <c>dotnet test --filter Category=InProcessApi</c> runs that layer.</summary>
    public const string Category = "InProcessApi";

    private ApiServers _servers = null!;
    private string _database = null!;

    public WebApplicationFactory<ArkoaApi::Program> Factory { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _servers = await ApiServers.StartedAsync();
        _database = await _servers.CreateDatabaseAsync();
        Factory = new WebApplicationFactory<ArkoaApi::Program>().WithWebHostBuilder(host =>
        {
            host.UseEnvironment("Development") // as the AppHost runs it
                .UseSetting("ConnectionStrings:arkoa", _servers.ConnectionString(_database, Arkoa.AppHost.Infrastructure.DatabaseRoles.AppRole))
                .UseSetting("ConnectionStrings:arkoa-owner", _servers.ConnectionString(_database, Arkoa.AppHost.Infrastructure.DatabaseRoles.OwnerRole))
                .UseSetting("ConnectionStrings:redis", _servers.Redis)
                .UseSetting("Arkoa:WebKey", AccountTestKit.WebKey)
                .UseSetting(Arkoa.Core.Webhooks.WebhookSecretProtector.KeySetting, WebhookKey)
                .UseSetting(Arkoa.Core.MailDecisions.DecisionLinkSigner.KeySetting, MailLinkKey)
                // The same settings as the AppHost fixture's Api (see ArkoaAppFixture for why).
                .UseSetting("RateLimits:PerUserPerSecond", "10000")
                .UseSetting("RateLimits:AuthAttemptsPerClientPerMinute", "1000000")
                .UseSetting("RateLimits:SignInFirstDelay", AccountTestKit.SignInFirstDelay.ToString());
            Configure(host);
            if (HashIterations is { } iterations)
            {
                host.UseSetting("PasswordHasher:IterationCount", iterations.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        });
        _ = Factory.Server; // starts it (and runs its start-up migration check) before the first test
    }

    /// <summary>The webhook secrets' key of the in-process Api (the AppHost's is its "webhook-key" parameter).</summary>
    public const string WebhookKey = "in-process-webhook-key-of-at-least-32-characters";

    /// <summary>The key mail decision links are signed with here (the AppHost's is its "mail-link-key" parameter).</summary>
    public const string MailLinkKey = "in-process-mail-link-key-of-at-least-32-characters";

    /// <summary>More settings of a fixture's own, after the shared ones.</summary>
    protected virtual void Configure(IWebHostBuilder host) { }

    /// <summary>The Api's PBKDF2 work factor, or null for the production one (see <see cref="AccountTestKit.HashIterations"/>).</summary>
    protected virtual int? HashIterations => AccountTestKit.HashIterations;

    /// <summary>A client of the in-process Api; like the AppHost's clients, it keeps no cookies.</summary>
    public HttpClient Api() => Factory.CreateDefaultClient();

    public Task<string?> DatabaseConnectionStringAsync() => Task.FromResult<string?>(_servers.SuperuserConnectionString(_database));

    public async Task DisposeAsync()
    {
        if (Factory is not null) await Factory.DisposeAsync();
        if (_database is null) return;
        NpgsqlConnection.ClearAllPools();
        await _servers.DropDatabaseAsync(_database);
    }
}
