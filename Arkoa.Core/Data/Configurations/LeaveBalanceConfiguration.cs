using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class LeaveBalanceConfiguration : IEntityTypeConfiguration<LeaveBalance>
{
    public void Configure(EntityTypeBuilder<LeaveBalance> b)
    {
        b.HasIndex(x => new { x.MembershipId, x.Type }).IsUnique();
        // The last line of defence: whatever the code does, a balance never goes below zero.
        b.ToTable(t => t.HasCheckConstraint("ck_leave_balances_remaining_days", "remaining_days >= 0"));
    }
}
