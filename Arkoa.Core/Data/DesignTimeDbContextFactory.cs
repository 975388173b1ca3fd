using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Arkoa.Core.Data;

/// <summary>Used only by `dotnet ef` to build migrations; no database is contacted.</summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<ArkoaDbContext>
{
    public ArkoaDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<ArkoaDbContext>().UseNpgsql("Host=localhost;Database=arkoa");
        ArkoaDbContextOptions.Apply(options);
        return new ArkoaDbContext(options.Options);
    }
}
