using System.Text.Json;

namespace Arkoa.Tests.Operations;

/// <summary>
/// The manifest as azd makes it (the AppHost run with <c>--publisher manifest</c>), published once for all of
/// <see cref="ManifestTests"/>, with sentinel secrets in the AppHost's configuration that must not reach the file.
/// </summary>
public sealed class PublishedManifest : IAsyncLifetime
{
    public static readonly string PostgresSecret = $"pg-sentinel-{Guid.NewGuid():N}";
    public static readonly string RedisSecret = $"redis-sentinel-{Guid.NewGuid():N}";
    public static readonly string SmtpSecret = $"smtp-sentinel-{Guid.NewGuid():N}";
    public static readonly string BackupKeySecret = $"backup-key-sentinel-{Guid.NewGuid():N}";

    private readonly string _scratch = Directory.CreateTempSubdirectory("arkoa-manifest-").FullName;

    public string Text { get; private set; } = "";
    public JsonElement Resources { get; private set; }

    public async Task InitializeAsync()
    {
        var manifest = Path.Combine(_scratch, "aspire-manifest.json");
        var result = await Repository.RunAsync("dotnet",
            ["run", "--project", Path.Combine(Repository.Root, "Arkoa.AppHost", "Arkoa.AppHost.csproj"),
                "--no-build", "--no-launch-profile", "-c", Repository.BuildConfiguration,
                "--", "--publisher", "manifest", "--output-path", manifest],
            Repository.Root,
            new Dictionary<string, string>
            {
                ["Parameters__postgres-password"] = PostgresSecret,
                ["Parameters__redis-password"] = RedisSecret,
                ["Parameters__backup-key"] = BackupKeySecret,
                ["ConnectionStrings__smtp"] = $"Endpoint=smtp://mail.example.test:587;Username=apikey;Password={SmtpSecret}",
            },
            TimeSpan.FromMinutes(3));
        Assert.True(result.ExitCode == 0, result.ToString());
        Text = await File.ReadAllTextAsync(manifest);
        Resources = JsonDocument.Parse(Text).RootElement.GetProperty("resources").Clone();
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_scratch, recursive: true);
        return Task.CompletedTask;
    }
}
