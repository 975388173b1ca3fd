using System.Text.Json;

namespace Arkoa.Tests.Operations;

/// <summary>
/// The manifest azd deploys (<c>--publisher manifest</c>): every resource, the right references, and secrets only as
/// parameter placeholders. The AppHost runs with sentinel secrets in its configuration; none may reach the file.
/// </summary>
public sealed class ManifestTests(PublishedManifest manifest) : IClassFixture<PublishedManifest>
{
    private readonly JsonElement _resources = manifest.Resources;
    private readonly string _text = manifest.Text;

    [Fact]
    public void Every_resource_is_published_and_prometheus_is_not()
    {
        var names = _resources.EnumerateObject().Select(r => r.Name).ToHashSet();
        Assert.All(["postgres", "arkoa", "redis", "smtp", "api", "web", "worker", "postgres-password", "redis-password", "environment",
                "arkoa-app-password", "arkoa-owner-password", "arkoa-backup-password", "backup-key", "webhook-key", "mail-link-key"],
            name => Assert.Contains(name, names));
        Assert.DoesNotContain("prometheus", names);
        Assert.Equal("container.v0", Type("postgres"));
        Assert.Equal("container.v0", Type("redis"));
        Assert.All(["api", "web", "worker"], service => Assert.StartsWith("project.", Type(service)));
    }

    [Theory]
    [InlineData("postgres-password")]
    [InlineData("redis-password")]
    [InlineData("smtp")]
    [InlineData("arkoa-app-password")]
    [InlineData("arkoa-owner-password")]
    [InlineData("arkoa-backup-password")]
    [InlineData("backup-key")]
    [InlineData("webhook-key")]
    [InlineData("mail-link-key")]
    [InlineData("web-key")]
    public void Secrets_are_parameters_filled_at_deployment(string name)
    {
        Assert.Equal("parameter.v0", Type(name));
        Assert.Equal($"{{{name}.inputs.value}}", _resources.GetProperty(name).GetProperty("value").GetString());
        Assert.True(_resources.GetProperty(name).GetProperty("inputs").GetProperty("value").GetProperty("secret").GetBoolean());
    }

    [Fact]
    public void No_secret_value_is_in_the_manifest()
    {
        Assert.DoesNotContain(PublishedManifest.PostgresSecret, _text);
        Assert.DoesNotContain(PublishedManifest.RedisSecret, _text);
        Assert.DoesNotContain(PublishedManifest.SmtpSecret, _text);
        Assert.DoesNotContain(PublishedManifest.BackupKeySecret, _text);
        Assert.DoesNotContain("mail.example.test", _text);
        Assert.Contains("{postgres-password.value}", _resources.GetProperty("postgres").GetProperty("connectionString").GetString());
    }

    [Fact]
    public void Services_reference_what_they_use_and_nothing_else()
    {
        // The services work as the application role; only the Api's migration is the owner, only backups read everything.
        var api = Env("api");
        Assert.Equal(RoleConnection("arkoa_app", "arkoa-app"), api["ConnectionStrings__arkoa"]);
        Assert.Equal(RoleConnection("arkoa_owner", "arkoa-owner"), api["ConnectionStrings__arkoa-owner"]);
        Assert.Equal("{redis.connectionString}", api["ConnectionStrings__redis"]);
        Assert.Equal("{smtp.connectionString}", api["ConnectionStrings__smtp"]);
        Assert.Equal("{worker-ops-key.value}", api["Ops__Key"]);
        Assert.DoesNotContain(api, e => e.Value.Contains("arkoa_backup", StringComparison.Ordinal));

        var worker = Env("worker");
        Assert.Equal(RoleConnection("arkoa_app", "arkoa-app"), worker["ConnectionStrings__arkoa"]);
        Assert.Equal(RoleConnection("arkoa_backup", "arkoa-backup"), worker["ConnectionStrings__arkoa-backup"]);
        Assert.Equal("{smtp.connectionString}", worker["ConnectionStrings__smtp"]);
        Assert.Equal("{web.bindings.http.url}", worker["Arkoa__WebBaseUrl"]);
        Assert.Equal("{backup-key.value}", worker["Backup__EncryptionKey"]);
        // Webhook secrets: the Api encrypts them, the Worker decrypts them to sign; the same key for both.
        Assert.Equal("{webhook-key.value}", api["Webhooks__SecretKey"]);
        Assert.Equal("{webhook-key.value}", worker["Webhooks__SecretKey"]);
        // Mail decision links: the Worker signs them, the Api checks them; the same key for both, and the Web has none.
        Assert.Equal("{mail-link-key.value}", api["DecisionLinks__SecretKey"]);
        Assert.Equal("{mail-link-key.value}", worker["DecisionLinks__SecretKey"]);
        Assert.DoesNotContain(Env("web"), e => e.Value.Contains("mail-link-key", StringComparison.Ordinal));
        Assert.DoesNotContain(worker, e => e.Value.Contains("arkoa_owner", StringComparison.Ordinal));
        // No service gets the superuser's connection string or password.
        Assert.All(new[] { api, worker }.SelectMany(e => e.Values), value =>
        {
            Assert.DoesNotContain("{arkoa.connectionString}", value);
            Assert.DoesNotContain("{postgres.connectionString}", value);
            Assert.DoesNotContain("postgres-password", value);
        });

        // The Web talks only to the Api, never to the database.
        var web = Env("web");
        Assert.Equal("{api.bindings.http.url}", web["services__api__http__0"]);
        // The Web's only connection is Redis, where its replicas share the Data Protection keys of their cookies.
        Assert.Equal("{redis.connectionString}", web["ConnectionStrings__redis"]);
        Assert.Equal(["ConnectionStrings__redis"], web.Keys.Where(key => key.StartsWith("ConnectionStrings__", StringComparison.Ordinal)));
        // The Web proves its calls to the Api with a shared secret, and makes its links from its own public address.
        Assert.Equal("{web-key.value}", web["Arkoa__WebKey"]);
        Assert.Equal("{web-key.value}", api["Arkoa__WebKey"]);
        Assert.Equal("{web.bindings.http.url}", web["Arkoa__WebBaseUrl"]);
        // The Api is public too, for API tokens and SCIM, and tells integrations its public address; the Worker is not.
        Assert.Equal("{api.bindings.http.url}", api["Arkoa__ApiBaseUrl"]);
        Assert.True(Binding("api").GetProperty("external").GetBoolean());
        Assert.True(Binding("web").GetProperty("external").GetBoolean());
        Assert.False(Binding("worker").TryGetProperty("external", out var workerExternal) && workerExternal.GetBoolean());
    }

    private JsonElement Binding(string resource) => _resources.GetProperty(resource).GetProperty("bindings").GetProperty("http");

    [Theory]
    [InlineData("api")]
    [InlineData("web")]
    [InlineData("worker")]
    public void Each_service_runs_in_the_environment_chosen_at_deployment(string service)
    {
        Assert.Equal("{environment.value}", Env(service)["ASPNETCORE_ENVIRONMENT"]);
        Assert.Equal("Production", _resources.GetProperty("environment").GetProperty("inputs").GetProperty("value")
            .GetProperty("default").GetProperty("value").GetString());
    }

    /// <summary>A role's connection string: the published Postgres, the role, and its own secret password parameter.</summary>
    private static string RoleConnection(string role, string parameter) =>
        $"Host={{postgres.bindings.tcp.host}};Port={{postgres.bindings.tcp.port}};Username={role};Password={{{parameter}-password.value}};Database=arkoa";

    [Fact]
    public void The_backup_key_has_no_generated_default_so_the_operator_chooses_and_keeps_it()
    {
        var input = _resources.GetProperty("backup-key").GetProperty("inputs").GetProperty("value");
        Assert.False(input.TryGetProperty("default", out _));
    }

    private string Type(string resource) => _resources.GetProperty(resource).GetProperty("type").GetString()!;

    private Dictionary<string, string> Env(string resource) =>
        _resources.GetProperty(resource).GetProperty("env").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
}
