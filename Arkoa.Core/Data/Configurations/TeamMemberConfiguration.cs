using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class TeamMemberConfiguration : IEntityTypeConfiguration<TeamMember>
{
    public void Configure(EntityTypeBuilder<TeamMember> b)
    {
        b.HasIndex(m => new { m.TeamId, m.MembershipId }).IsUnique();
        b.HasIndex(m => m.MembershipId);
        // One primary team per member.
        b.HasIndex(m => m.MembershipId, "ix_team_members_one_primary_per_member").HasDatabaseName("ix_team_members_one_primary_per_member").IsUnique().HasFilter("is_primary");
        b.HasOne(m => m.Membership).WithMany().HasForeignKey(m => m.MembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
