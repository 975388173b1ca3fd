using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class CompanyHolidayConfiguration : IEntityTypeConfiguration<CompanyHoliday>
{
    public void Configure(EntityTypeBuilder<CompanyHoliday> b)
    {
        b.Property(h => h.Name).HasMaxLength(100);
        b.HasIndex(h => new { h.CompanyId, h.Date }).IsUnique();
    }
}
