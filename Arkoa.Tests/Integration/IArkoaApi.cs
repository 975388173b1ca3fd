namespace Arkoa.Tests.Integration;

/// <summary>
/// What the kits need of an Api under test, whichever runs it: the whole AppHost (<see cref="ArkoaAppFixture"/>) or
/// the Api's Program in this process on a database of its own (<see cref="InProcessApi"/>).
/// </summary>
public interface IArkoaApi
{
    /// <summary>A new client of the Api, with no session and no cookie jar.</summary>
    HttpClient Api();

    /// <summary>The superuser's connection string to the Api's database, for set-up and checks the Api does not expose.</summary>
    Task<string?> DatabaseConnectionStringAsync();
}
