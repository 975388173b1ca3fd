using Arkoa.Tests.Integration;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestCollectionOrderer("Arkoa.Tests.AppHostFirst", "Arkoa.Tests")]

namespace Arkoa.Tests;

/// <summary>
/// Starts the AppHost collection first: it is the longest, and xunit runs only as many collections at once as there are
/// cores, so started late it would make the run last the others' time plus its own. The rest keep a stable order.
/// </summary>
public sealed class AppHostFirst : ITestCollectionOrderer
{
    public IEnumerable<ITestCollection> OrderTestCollections(IEnumerable<ITestCollection> testCollections) =>
        testCollections.OrderBy(c => c.DisplayName == AppCollection.Name ? 0 : 1).ThenBy(c => c.DisplayName, StringComparer.Ordinal);
}
