using System.Buffers.Binary;
using System.Net;
using Arkoa.Core.Domain;
using Arkoa.Core.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using static Arkoa.Tests.Integration.AccountTestKit;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Stored hashes use OWASP's PBKDF2 work factor, and older ones are replaced at the next sign-in. The Api here runs with
/// the production factor, unlike the other test fixtures (<see cref="AccountTestKit.HashIterations"/>).
/// </summary>
[Trait("Category", InProcessApi.Category)]
public sealed class PasswordHashTests(ProductionHashingApi app) : IClassFixture<ProductionHashingApi>
{
    [Fact]
    public async Task A_new_password_is_hashed_with_the_current_work_factor()
    {
        var user = await ApiSession.SignUpUnverifiedAsync(app);
        Assert.Equal(PasswordHashing.Iterations, Iterations(await StoredHashAsync(user)));
    }

    [Fact]
    public async Task Outside_development_the_api_refuses_to_start_with_a_lower_work_factor()
    {
        // The fixture's settings (databases, Redis, keys) as they are; only the environment and the work factor change.
        await using var production = app.Factory.WithWebHostBuilder(host => host
            .UseEnvironment("Production")
            .UseSetting("PasswordHasher:IterationCount", "1000"));
        var refusal = Assert.ThrowsAny<Exception>(() => production.Server);
        Assert.Contains("PasswordHasher:IterationCount below 210000 is allowed in Development only",
            string.Join(" | ", Messages(refusal)), StringComparison.Ordinal);
    }

    private static IEnumerable<string> Messages(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            yield return e.Message;
            if (e is AggregateException aggregate) foreach (var inner in aggregate.InnerExceptions) yield return inner.Message;
        }
    }

    [Fact]
    public async Task A_hash_made_with_fewer_iterations_is_replaced_at_sign_in()
    {
        var user = await ApiSession.SignUpAsync(app);
        // As the previous release stored it: ASP.NET Core Identity's default of 100,000 iterations.
        var oldHasher = new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = 100_000 }));
        var oldHash = oldHasher.HashPassword(new User { Name = "", Email = user.Email, PasswordHash = "" }, user.Password);
        await ExecuteSqlAsync(await app.DatabaseConnectionStringAsync(), "UPDATE users SET password_hash = @hash WHERE id = @id",
            ("hash", oldHash), ("id", Guid.Parse(user.UserId)));
        Assert.Equal(100_000, Iterations(await StoredHashAsync(user)));

        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password)).StatusCode);
        var upgraded = await StoredHashAsync(user);
        Assert.Equal(PasswordHashing.Iterations, Iterations(upgraded));
        Assert.NotEqual(oldHash, upgraded);
        Assert.Equal(HttpStatusCode.OK, (await SignInAsync(app.Api().From(RandomClientIp()), user.Email, user.Password)).StatusCode);
    }

    private async Task<string> StoredHashAsync(ApiSession user) =>
        (await ScalarAsync<string>(await app.DatabaseConnectionStringAsync(), "SELECT password_hash FROM users WHERE id = @id",
            ("id", Guid.Parse(user.UserId))))!;

    /// <summary>Identity's V3 format: 0x01, the PRF (4 bytes), then the iteration count (4 bytes, big-endian).</summary>
    private static int Iterations(string hash)
    {
        var bytes = Convert.FromBase64String(hash);
        Assert.Equal(0x01, bytes[0]);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(5, 4));
    }
}

/// <summary>The in-process Api with OWASP's work factor, as in production.</summary>
public sealed class ProductionHashingApi : InProcessApi
{
    protected override int? HashIterations => null;
}
