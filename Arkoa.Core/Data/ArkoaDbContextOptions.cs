using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Data;

public static class ArkoaDbContextOptions
{
    /// <summary>Options every service (and the design-time factory) applies to the DbContext.</summary>
    public static void Apply(DbContextOptionsBuilder options) => options.UseSnakeCaseNamingConvention();
}
