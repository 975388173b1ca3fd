using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class LeaveStatusChangeConfiguration : IEntityTypeConfiguration<LeaveStatusChange>
{
    public void Configure(EntityTypeBuilder<LeaveStatusChange> b)
    {
        // Ids come from the aggregate (UUID v7), so a step added to a loaded leave's history is inserted, not updated.
        b.Property(c => c.Id).ValueGeneratedNever();
        b.Property(c => c.Transition).HasConversion<string>().HasMaxLength(20);
        b.Property(c => c.Note).HasMaxLength(Leave.TextMaxLength);
        b.HasIndex(c => new { c.LeaveId, c.CreatedAt });
        b.HasOne(c => c.Actor).WithMany().HasForeignKey(c => c.ActorId).OnDelete(DeleteBehavior.SetNull);
    }
}
