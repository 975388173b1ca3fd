using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class TeamManagerConfiguration : IEntityTypeConfiguration<TeamManager>
{
    public void Configure(EntityTypeBuilder<TeamManager> b)
    {
        b.HasIndex(m => new { m.TeamId, m.MembershipId }).IsUnique();
        b.HasIndex(m => m.MembershipId);
        b.HasOne(m => m.Membership).WithMany().HasForeignKey(m => m.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
