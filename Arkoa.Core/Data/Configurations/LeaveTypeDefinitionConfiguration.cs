using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class LeaveTypeDefinitionConfiguration : IEntityTypeConfiguration<LeaveTypeDefinition>
{
    public void Configure(EntityTypeBuilder<LeaveTypeDefinition> b)
    {
        // A code names one type per company; leaves and balances store the code.
        b.HasIndex(t => new { t.CompanyId, t.Code }).IsUnique();
        b.Property(t => t.NameFr).HasMaxLength(LeaveTypeDefinition.NameMaxLength);
        b.Property(t => t.NameEn).HasMaxLength(LeaveTypeDefinition.NameMaxLength);
        b.Property(t => t.Colour).HasMaxLength(7);
        b.Property(t => t.Unit).HasConversion<string>().HasMaxLength(10);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_leave_type_definitions_code", "code ~ '^[A-Z0-9_]{2,20}$'");
            t.HasCheckConstraint("ck_leave_type_definitions_colour", "colour ~ '^#[0-9a-f]{6}$'");
            t.HasCheckConstraint("ck_leave_type_definitions_max_consecutive_days", "max_consecutive_days IS NULL OR max_consecutive_days BETWEEN 1 AND 366");
        });
        b.HasOne<Company>().WithMany(c => c.LeaveTypes).HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
