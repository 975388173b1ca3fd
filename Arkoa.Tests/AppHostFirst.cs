using Arkoa.Tests.Browser;
using Arkoa.Tests.Integration;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Arkoa.Tests.AppHostFirst", "Arkoa.Tests")]

namespace Arkoa.Tests;

/// <summary>
/// Starts the test classes on the shared AppHost first, the browser ones (the longest) before the others: xunit runs
/// only as many collections at once as it has threads, so a long class started last would make the run last the
/// others' time plus its own. The in-process and unit classes fill the gaps; the rest keep a stable order.
/// </summary>
public sealed class AppHostFirst : ITestCollectionOrderer
{
    private const string DefaultCollectionPrefix = "Test collection for ";

    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(Rank).ThenBy(c => c.DisplayName, StringComparer.Ordinal);

    private static int Rank(ITestCollection collection)
    {
        var testClass = collection.DisplayName.StartsWith(DefaultCollectionPrefix, StringComparison.Ordinal)
            ? typeof(AppHostFirst).Assembly.GetType(collection.DisplayName[DefaultCollectionPrefix.Length..])
            : null;
        if (testClass is null) return 2;
        if (typeof(IClassFixture<ChromiumFixture>).IsAssignableFrom(testClass)) return 0;
        return typeof(IClassFixture<ArkoaAppFixture>).IsAssignableFrom(testClass) ? 1 : 2;
    }
}
