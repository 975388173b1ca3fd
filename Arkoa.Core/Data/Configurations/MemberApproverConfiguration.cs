using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class MemberApproverConfiguration : IEntityTypeConfiguration<MemberApprover>
{
    public void Configure(EntityTypeBuilder<MemberApprover> b)
    {
        b.HasIndex(a => a.MembershipId).IsUnique(); // one approver per member
        b.HasIndex(a => a.CompanyId);
        b.HasIndex(a => a.ApproverMembershipId);
        b.HasOne<Company>().WithMany().HasForeignKey(a => a.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Membership>().WithMany().HasForeignKey(a => a.MembershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Membership>().WithMany().HasForeignKey(a => a.ApproverMembershipId).OnDelete(DeleteBehavior.Cascade);
    }
}
