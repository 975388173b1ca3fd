using Arkoa.Core.Days;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.Property(c => c.Name).HasMaxLength(Company.NameMaxLength);
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.LogoContentType).HasMaxLength(50);
        b.Property(c => c.LogoUrl).HasMaxLength(2048);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.Property(c => c.HolidayCountry).HasMaxLength(HolidayRegion.CodeMaxLength);
        b.Property(c => c.CarryOverExpiresOn).HasMaxLength(5);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_companies_annual_leave_days", "annual_leave_days BETWEEN 0 AND 50");
            t.HasCheckConstraint("ck_companies_carry_over_max_days", "carry_over_max_days >= 0");
            t.HasCheckConstraint("ck_companies_escalate_after_working_days", "escalate_after_working_days BETWEEN 0 AND 30");
        });
        b.HasMany(c => c.Holidays).WithOne().HasForeignKey(h => h.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
