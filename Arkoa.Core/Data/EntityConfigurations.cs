using Arkoa.Core.Balances;
using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Arkoa.Core.Data;

// Table shape, keys, indexes and constraints of each entity (SPEC §2). Names are snake_case.

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.Property(u => u.Name).HasMaxLength(100);
        b.Property(u => u.Email).HasMaxLength(254);
        b.HasIndex(u => u.Email).IsUnique();
        b.Property(u => u.PendingEmail).HasMaxLength(254);
        b.Property(u => u.Image).HasMaxLength(2048);
        b.Property(u => u.Language).HasMaxLength(5).HasDefaultValue("fr");
        b.Property(u => u.CalendarToken).HasMaxLength(100);
        b.HasIndex(u => u.CalendarToken).IsUnique();
        b.HasOne<Membership>().WithMany().HasForeignKey(u => u.ActiveMembershipId).OnDelete(DeleteBehavior.SetNull);
        // The account lockout's columns, no longer used (a progressive delay in Redis replaced it). Kept one release
        // so a rollback finds them (docs/deployment.md, expand then contract); drop them in the next.
        b.Property<int>("FailedSignInCount");
        b.Property<DateTime?>("LockedUntil");
    }
}

internal sealed class SessionConfiguration : IEntityTypeConfiguration<Session>
{
    public void Configure(EntityTypeBuilder<Session> b)
    {
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasIndex(s => s.UserId);
        b.Property(s => s.IpAddress).HasMaxLength(64);
        b.Property(s => s.UserAgent).HasMaxLength(512);
        // A default, so sessions opened by the previous release (which does not set it) still insert.
        b.Property(s => s.LastSeenAt).HasDefaultValueSql("now()");
        b.HasOne(s => s.User).WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class UserTokenConfiguration : IEntityTypeConfiguration<UserToken>
{
    public void Configure(EntityTypeBuilder<UserToken> b)
    {
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne(t => t.User).WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.Property(t => t.Email).HasMaxLength(254);
        // Sign-up and e-mail changes ask whether an undo link still holds an address (AddressOwners).
        b.HasIndex(t => t.Email).HasFilter("email IS NOT NULL");
    }
}

internal sealed class CompanyConfiguration : IEntityTypeConfiguration<Company>
{
    public void Configure(EntityTypeBuilder<Company> b)
    {
        b.Property(c => c.Name).HasMaxLength(Company.NameMaxLength);
        b.HasIndex(c => c.Name).IsUnique();
        b.Property(c => c.LogoContentType).HasMaxLength(50);
        b.Property(c => c.LogoUrl).HasMaxLength(2048);
        b.Property(c => c.TimeZone).HasMaxLength(64);
        b.Property(c => c.HolidayCountry).HasMaxLength(2);
        b.Property(c => c.CarryOverExpiresOn).HasMaxLength(5);
        // Wire names, like every enum column; the default also fills the rows of companies made before the setting.
        b.PrimitiveCollection(c => c.SensitiveLeaveTypes)
            .HasDefaultValueSql($"'{{{string.Join(',', Company.DefaultSensitiveLeaveTypes)}}}'")
            .ElementType(e => e.HasConversion<string>().HasMaxLength(20));
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_companies_annual_leave_days", "annual_leave_days BETWEEN 0 AND 50");
            t.HasCheckConstraint("ck_companies_carry_over_max_days", "carry_over_max_days >= 0");
        });
        b.HasMany(c => c.Holidays).WithOne().HasForeignKey(h => h.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CompanyHolidayConfiguration : IEntityTypeConfiguration<CompanyHoliday>
{
    public void Configure(EntityTypeBuilder<CompanyHoliday> b)
    {
        b.Property(h => h.Name).HasMaxLength(100);
        b.HasIndex(h => new { h.CompanyId, h.Date }).IsUnique();
    }
}

internal sealed class MembershipConfiguration : IEntityTypeConfiguration<Membership>
{
    public void Configure(EntityTypeBuilder<Membership> b)
    {
        b.HasIndex(m => new { m.UserId, m.CompanyId }).IsUnique();
        b.HasIndex(m => m.CompanyId);
        b.HasOne(m => m.User).WithMany(u => u.Memberships).HasForeignKey(m => m.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(m => m.Company).WithMany(c => c.Memberships).HasForeignKey(m => m.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Balances).WithOne().HasForeignKey(x => x.MembershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(m => m.Leaves).WithOne(l => l.Membership).HasForeignKey(l => l.MembershipId).OnDelete(DeleteBehavior.Cascade);
        b.Ignore(m => m.IsManager);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> b)
    {
        b.Property(i => i.Email).HasMaxLength(254);
        b.HasIndex(i => i.TokenHash).IsUnique();
        // One open invitation per (company, e-mail); accepted ones stay as a record.
        b.HasIndex(i => new { i.CompanyId, i.Email }).IsUnique().HasFilter("accepted_at IS NULL");
        b.HasOne<Company>().WithMany().HasForeignKey(i => i.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(i => i.InvitedById).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LeaveConfiguration : IEntityTypeConfiguration<Leave>
{
    public void Configure(EntityTypeBuilder<Leave> b)
    {
        b.Property(l => l.Reason).HasMaxLength(Leave.TextMaxLength);
        b.Property(l => l.ManagerNote).HasMaxLength(Leave.TextMaxLength);
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
        b.HasOne<User>().WithMany().HasForeignKey(l => l.ReviewedById).OnDelete(DeleteBehavior.SetNull);
        b.Ignore(l => l.BalanceMovements); // decided by a transition, written through the ledger, never stored on the leave
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

internal sealed class LeaveBalanceConfiguration : IEntityTypeConfiguration<LeaveBalance>
{
    public void Configure(EntityTypeBuilder<LeaveBalance> b)
    {
        b.HasIndex(x => new { x.MembershipId, x.Type }).IsUnique();
        // The last line of defence: whatever the code does, a balance never goes below zero.
        b.ToTable(t => t.HasCheckConstraint("ck_leave_balances_remaining_days", "remaining_days >= 0"));
    }
}

internal sealed class LeaveBalanceHistoryConfiguration : IEntityTypeConfiguration<LeaveBalanceHistory>
{
    public void Configure(EntityTypeBuilder<LeaveBalanceHistory> b)
    {
        b.ToTable("leave_balance_history");
        b.Property(h => h.Reason).HasMaxLength(500);
        b.HasIndex(h => new { h.LeaveBalanceId, h.CreatedAt });
        b.HasOne(h => h.LeaveBalance).WithMany().HasForeignKey(h => h.LeaveBalanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(h => h.Actor).WithMany().HasForeignKey(h => h.ActorId).OnDelete(DeleteBehavior.SetNull);
        // A leave named by history is never deleted; the constraint is checked at commit (migration
        // SoftDeletedLeavesAndAppendOnlyHistory), so deleting a whole company, which takes leaves and history together, passes.
        b.HasOne<Leave>().WithMany().HasForeignKey(h => h.LeaveId).OnDelete(DeleteBehavior.NoAction);

        // The hash chain per member (migration LedgerHashChainAndBalanceSum): a trigger fills these on insert, under the
        // member's row lock, and the unique key makes a fork impossible even for a writer that skipped the lock. Checked at
        // commit, like the leave's, so a company's cascade may remove memberships and history in whichever order.
        b.HasOne<Membership>().WithMany().HasForeignKey(h => h.MembershipId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(h => new { h.MembershipId, h.Sequence }).IsUnique();
        b.Property(h => h.Sequence).ValueGeneratedOnAdd().Metadata.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
        b.Property(h => h.PreviousHash).HasMaxLength(LedgerHash.Length).IsFixedLength().ValueGeneratedOnAdd();
        b.Property(h => h.Hash).HasMaxLength(LedgerHash.Length).IsFixedLength().ValueGeneratedOnAdd();
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(o => o.Kind).HasMaxLength(50);
        b.Property(o => o.Payload).HasColumnType("jsonb");
        // The Worker's claim query reads only messages still to send, oldest due first.
        b.HasIndex(o => o.NextAttemptAt).HasFilter("sent_at IS NULL AND dead_at IS NULL");
        // The Worker's health check looks for recent dead letters at every probe; sent rows are many, dead ones few.
        b.HasIndex(o => o.DeadAt).HasFilter("dead_at IS NOT NULL");
    }
}

internal sealed class CompanyDataVersionConfiguration : IEntityTypeConfiguration<CompanyDataVersion>
{
    // Raised by triggers (migration PerformanceIndexes), never written by the application. No foreign key: a company's
    // deletion cascades to rows whose triggers still raise its counter.
    public void Configure(EntityTypeBuilder<CompanyDataVersion> b) => b.HasKey(v => v.CompanyId);
}
