using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class LeaveStepDecisionConfiguration : IEntityTypeConfiguration<LeaveStepDecision>
{
    public void Configure(EntityTypeBuilder<LeaveStepDecision> b)
    {
        // Added through the leave's collection with their id already set: new rows, never updates of existing ones.
        b.Property(d => d.Id).ValueGeneratedNever();
        // One decision per approver and step: two racing requests of one approver cannot both be recorded.
        b.HasIndex(d => new { d.LeaveId, d.Round, d.Step, d.MembershipId }).IsUnique();
        b.Property(d => d.Note).HasMaxLength(Leave.TextMaxLength);
        b.HasOne<Membership>().WithMany().HasForeignKey(d => d.MembershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Membership>().WithMany().HasForeignKey(d => d.OnBehalfOfId).OnDelete(DeleteBehavior.SetNull);
    }
}
