using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

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
