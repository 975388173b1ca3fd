namespace Arkoa.Tests.Integration;

/// <summary>What a service of the AppHost was started with: its environment, as the dashboard shows it.</summary>
public static class ServiceEnvironment
{
    /// <summary><c>ConnectionStrings:{name}</c> of <paramref name="service"/>, e.g. the application role's "arkoa" of the Api.</summary>
    public static async Task<string> ConnectionStringAsync(this ArkoaAppFixture app, string service, string name)
    {
        var variable = $"ConnectionStrings__{name}";
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // The watch starts with the current state of every resource.
        await foreach (var e in app.App.ResourceNotifications.WatchAsync(timeout.Token))
        {
            if (e.Resource.Name != service) continue;
            if (e.Snapshot.EnvironmentVariables.FirstOrDefault(v => v.Name == variable)?.Value is { Length: > 0 } value) return value;
        }
        throw new InvalidOperationException($"{service} has no {variable}.");
    }
}
