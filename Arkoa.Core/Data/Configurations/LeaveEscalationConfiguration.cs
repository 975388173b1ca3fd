using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class LeaveEscalationConfiguration : IEntityTypeConfiguration<LeaveEscalation>
{
    public void Configure(EntityTypeBuilder<LeaveEscalation> b)
    {
        // Added through the leave's collection with their id already set: new rows, never updates of existing ones.
        b.Property(e => e.Id).ValueGeneratedNever();
        // A step is escalated once: a second replica or a rerun escalating the same step fails on this key and rolls back.
        b.HasIndex(e => new { e.LeaveId, e.Round, e.Step }).IsUnique();
    }
}
