using Arkoa.Core.Data;
using Arkoa.Core.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Arkoa.Tests.Integration;

/// <summary>
/// Verified accounts written straight to the Api's database, for tests that need "some verified user" and do not test
/// sign-up itself: a real sign-up costs a strength check and a hash, its confirmation a mail for the Worker to send.
/// The hash here is the Api's own format and the test fixtures' work factor (<see cref="AccountTestKit.HashIterations"/>),
/// computed once per test run, so signing in with <see cref="Password"/> goes through the real check.
/// </summary>
public static class SeededAccounts
{
    /// <summary>The password of every seeded account: nothing guessable in it.</summary>
    public const string Password = "wq4 Seeded Torvalu 93xk";

    private static readonly Lazy<string> Hash = new(() =>
        new PasswordHasher<User>(Options.Create(new PasswordHasherOptions { IterationCount = AccountTestKit.HashIterations }))
            .HashPassword(null!, Password));

    /// <summary>Adds a verified account with <see cref="Password"/>; returns its id.</summary>
    public static async Task<Guid> AddAsync(string? connectionString, string name, string email)
    {
        var options = new DbContextOptionsBuilder<ArkoaDbContext>().UseNpgsql(connectionString);
        ArkoaDbContextOptions.Apply(options);
        await using var db = new ArkoaDbContext(options.Options);
        var user = new User { Name = name, Email = EmailAddress.Normalize(email), EmailVerified = true, PasswordHash = Hash.Value };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}
