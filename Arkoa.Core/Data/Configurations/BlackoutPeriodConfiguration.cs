using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class BlackoutPeriodConfiguration : IEntityTypeConfiguration<BlackoutPeriod>
{
    public void Configure(EntityTypeBuilder<BlackoutPeriod> b)
    {
        b.Property(p => p.Name).HasMaxLength(BlackoutPeriod.NameMaxLength);
        // A request looks up the company's periods that touch its dates.
        b.HasIndex(p => new { p.CompanyId, p.StartDate });
        b.HasIndex(p => p.TeamId);
        b.PrimitiveCollection(p => p.LeaveTypes).ElementType(e => e.HasConversion<LeaveTypeValueConverter>().HasMaxLength(LeaveType.MaxLength));
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_blackout_periods_dates", "end_date >= start_date");
            t.HasCheckConstraint("ck_blackout_periods_types", "cardinality(leave_types) > 0");
        });
        b.HasOne(p => p.Company).WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Cascade);
        // A team's periods go with the team.
        b.HasOne(p => p.Team).WithMany().HasForeignKey(p => p.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
