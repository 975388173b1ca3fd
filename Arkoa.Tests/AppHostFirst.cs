using Arkoa.Tests.Browser;
using Arkoa.Tests.Integration;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Arkoa.Tests.AppHostFirst", "Arkoa.Tests")]

namespace Arkoa.Tests;

/// <summary>
/// Orders the run for the shortest wall time on few cores. The shared AppHost (and the in-process tests' servers) start
/// in the background as soon as the run is planned, so the tens of seconds they take overlap the in-process and unit
/// classes, which go first. Then the browser classes (the longest: a long class started last would make the run last
/// the others' time plus its own), then the other AppHost classes; the rest keep a stable order.
/// xunit runs only as many collections at once as it has threads, so a class that waits for the AppHost holds a thread.
/// </summary>
public sealed class AppHostFirst : ITestCollectionOrderer
{
    private const string DefaultCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections)
    {
        var collections = testCollections.ToList();
        var phases = collections.Select(PhaseOf).ToList();
        // Only what the selected tests need: a run filtered to unit tests starts no server.
        if (phases.Any(phase => phase is Phase.Browser or Phase.AppHost)) ArkoaAppFixture.StartInBackground();
        if (phases.Any(phase => phase == Phase.Browser)) ChromiumFixture.LaunchInBackground();
        if (phases.Any(phase => phase == Phase.InProcess)) ApiServers.StartInBackground();
        return collections.Zip(phases).OrderBy(c => c.Second).ThenBy(c => c.First.DisplayName, StringComparer.Ordinal).Select(c => c.First);
    }

    private enum Phase { InProcess, Other, Browser, AppHost }

    private static Phase PhaseOf(ITestCollection collection)
    {
        // The serial collection (stopping servers) runs after the parallel ones whatever its phase.
        if (collection.DisplayName == AppCollection.Name) return Phase.AppHost;
        var testClass = collection.DisplayName.StartsWith(DefaultCollectionPrefix, StringComparison.Ordinal)
            ? typeof(AppHostFirst).Assembly.GetType(collection.DisplayName[DefaultCollectionPrefix.Length..])
            : null;
        if (testClass is null) return Phase.Other;
        if (typeof(IClassFixture<ChromiumFixture>).IsAssignableFrom(testClass)) return Phase.Browser;
        if (typeof(IClassFixture<ArkoaAppFixture>).IsAssignableFrom(testClass)) return Phase.AppHost;
        return typeof(IClassFixture<InProcessApi>).IsAssignableFrom(testClass) ? Phase.InProcess : Phase.Other;
    }
}
