using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class LeaveApproverConfiguration : IEntityTypeConfiguration<LeaveApprover>
{
    public void Configure(EntityTypeBuilder<LeaveApprover> b)
    {
        // Added through the leave's collection with their id already set: new rows, never updates of existing ones.
        b.Property(a => a.Id).ValueGeneratedNever();
        b.HasIndex(a => new { a.LeaveId, a.Round, a.Step, a.MembershipId }).IsUnique();
        // "Waiting for me": an approver's rows, then their leaves' current step.
        b.HasIndex(a => a.MembershipId);
        b.HasOne<Membership>().WithMany().HasForeignKey(a => a.MembershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Membership>().WithMany().HasForeignKey(a => a.OnBehalfOfId).OnDelete(DeleteBehavior.SetNull);
    }
}
