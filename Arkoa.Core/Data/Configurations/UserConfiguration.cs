using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

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
        b.Property(u => u.Theme).HasMaxLength(10).HasDefaultValue(Accounts.ColourThemes.Default);
        b.Property(u => u.CalendarToken).HasMaxLength(100);
        b.HasIndex(u => u.CalendarToken).IsUnique();
        b.HasOne<Membership>().WithMany().HasForeignKey(u => u.ActiveMembershipId).OnDelete(DeleteBehavior.SetNull);
        // The account lockout's columns, no longer used (a progressive delay in Redis replaced it). Kept one release
        // so a rollback finds them (docs/deployment.md, expand then contract); drop them in the next.
        b.Property<int>("FailedSignInCount");
        b.Property<DateTime?>("LockedUntil");
    }
}
