using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class CompanyDataVersionConfiguration : IEntityTypeConfiguration<CompanyDataVersion>
{
    // Raised by triggers (migration PerformanceIndexes), never written by the application. No foreign key: a company's
    // deletion cascades to rows whose triggers still raise its counter.
    public void Configure(EntityTypeBuilder<CompanyDataVersion> b) => b.HasKey(v => v.CompanyId);
}
