using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class LeaveConfiguration : IEntityTypeConfiguration<Leave>
{
    public void Configure(EntityTypeBuilder<Leave> b)
    {
        b.Property(l => l.Reason).HasMaxLength(Leave.TextMaxLength);
        b.Property(l => l.ManagerNote).HasMaxLength(Leave.TextMaxLength);
        b.Property(l => l.CancelRequestReason).HasMaxLength(Leave.TextMaxLength);
        b.Property(l => l.Version).IsConcurrencyToken();
        b.HasIndex(l => new { l.MembershipId, l.StartDate });
        // Live leaves (PENDING/APPROVED) ending on or after a date, member by member: the calendar, "on leave today",
        // overlap checks. Most of a member's leaves are in the past, so a range on end_date reads only a handful.
        // Deleted leaves are left out, so the query filter's "deleted_at IS NULL" is implied and the counts stay index-only.
        b.HasIndex(l => new { l.MembershipId, l.EndDate }, "ix_leaves_live_membership_id_end_date")
            .HasDatabaseName("ix_leaves_live_membership_id_end_date")
            .HasFilter("status IN ('PENDING', 'APPROVED') AND deleted_at IS NULL").IncludeProperties(l => new { l.StartDate, l.Status });
        // PENDING leaves member by member: the managers' queue and the pending counts (a few percent of all leaves).
        b.HasIndex(l => new { l.MembershipId, l.StartDate }, "ix_leaves_pending_membership_id_start_date")
            .HasDatabaseName("ix_leaves_pending_membership_id_start_date").HasFilter("status = 'PENDING' AND deleted_at IS NULL");
        // Open cancellation requests member by member: the managers' queue of them (rarer still than PENDING leaves).
        b.HasIndex(l => new { l.MembershipId, l.StartDate }, "ix_leaves_cancel_requested_membership_id_start_date")
            .HasDatabaseName("ix_leaves_cancel_requested_membership_id_start_date")
            .HasFilter("cancel_requested_at IS NOT NULL AND deleted_at IS NULL");
        b.HasOne<User>().WithMany().HasForeignKey(l => l.ReviewedById).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(l => l.BalanceMovements); // decided by a transition, written through the ledger, never stored on the leave
        b.Ignore(l => l.CurrentApprovers); // views of Approvers and StepDecisions, not relationships of their own
        b.Ignore(l => l.CurrentDecisions);
        b.Ignore(l => l.CancelApprovers);
        b.HasMany(l => l.Approvers).WithOne().HasForeignKey(a => a.LeaveId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.StepDecisions).WithOne().HasForeignKey(d => d.LeaveId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.Escalations).WithOne().HasForeignKey(e => e.LeaveId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(l => l.StatusHistory).WithOne().HasForeignKey(c => c.LeaveId).OnDelete(DeleteBehavior.Cascade);
        // Deleted leaves are kept for their history but seen by no list, view, calendar, statistic or export.
        b.HasQueryFilter(l => l.DeletedAt == null);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_leaves_dates", "end_date >= start_date");
            t.HasCheckConstraint("ck_leaves_days", "days > 0");
        });
    }
}
