using Arkoa.Tests.Integration;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Arkoa.Tests.AppHost;

/// <summary>The AppHost's local Postgres, started alone from the AppHost's own model.</summary>
public sealed class LocalPostgresTests
{
    /// <summary>
    /// A Unix-domain socket's path may not pass 107 bytes: with its socket in the data folder, Postgres refused to start
    /// in a folder a little deeper than the test runs' own ("could not create any Unix-domain sockets").
    /// </summary>
    [Fact]
    public async Task Postgres_starts_in_a_data_folder_deeper_than_a_unix_socket_path_allows()
    {
        var dataDirectory = Path.Combine(TestDataDirectory.Create("deep"), new string('d', 60), new string('e', 60));
        Assert.True(Path.Combine(dataDirectory, "postgres", "cluster", ".s.PGSQL.65535").Length > 107);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.Arkoa_AppHost>(
            [$"--Arkoa:DataDir={dataDirectory}", "--Arkoa:Infrastructure=local"], timeout.Token);
        builder.Services.AddLogging(logging => logging.AddFilter("Microsoft.Extensions.Diagnostics.HealthChecks", LogLevel.None));
        foreach (var unused in builder.Resources.Where(r => r is not ParameterResource && r.Name != "postgres").ToList())
        {
            builder.Resources.Remove(unused);
        }
        var postgres = builder.Resources.OfType<Arkoa.AppHost.Infrastructure.LocalPostgresServerResource>().Single();
        await using var app = builder.Build();
        try
        {
            await app.StartAsync(timeout.Token);
            await app.ResourceNotifications.WaitForResourceHealthyAsync("postgres", timeout.Token);

            await using var connection = new NpgsqlConnection((await postgres.ConnectionStringExpression.GetValueAsync(timeout.Token)) + ";Database=postgres");
            await connection.OpenAsync(timeout.Token);
            await using var query = new NpgsqlCommand("SELECT current_setting('unix_socket_directories')", connection);
            Assert.Equal("", await query.ExecuteScalarAsync(timeout.Token));
        }
        finally
        {
            await app.StopAsync();
            TestDataDirectory.TryDelete(Path.GetDirectoryName(Path.GetDirectoryName(dataDirectory))!);
        }
    }
}
