using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Arkoa.Tests.Integration;

/// <summary>Calls the Worker's /ops endpoints with the AppHost's generated operations key, and reads the database directly.</summary>
public sealed class WorkerOps(ArkoaAppFixture app)
{
    public const string KeyHeader = "X-Arkoa-Ops-Key";

    /// <summary>The operations key the AppHost generated (it also opens the details of the Api's /api/health).</summary>
    public async Task<string> KeyAsync() =>
        (await app.App.Services.GetRequiredService<DistributedApplicationModel>().Resources
            .OfType<ParameterResource>().Single(p => p.Name == "worker-ops-key").GetValueAsync(CancellationToken.None))!;

    public async Task<HttpClient> ClientAsync()
    {
        var http = app.Client("worker");
        http.Timeout = TimeSpan.FromMinutes(2);
        http.DefaultRequestHeaders.Add(KeyHeader, await KeyAsync());
        return http;
    }

    /// <summary>Runs a company job for one company; returns its single outcome (status, period, summary).</summary>
    public async Task<JsonElement> RunAsync(string job, string companyId, DateOnly asOf)
    {
        var http = await ClientAsync();
        var response = await http.PostAsync($"/ops/jobs/{job}?asOf={asOf:yyyy-MM-dd}&companyId={companyId}", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("results").EnumerateArray().Single();
    }

    public async Task<JsonElement> BackupAsync()
    {
        var http = await ClientAsync();
        var response = await http.PostAsync("/ops/jobs/backup", null);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"Backup answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    public async Task<int> ExecuteSqlAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        return await command.ExecuteNonQueryAsync();
    }

    public async Task<T> ScalarAsync<T>(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(await app.DatabaseConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var parameter in parameters) command.Parameters.AddWithValue(parameter);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
