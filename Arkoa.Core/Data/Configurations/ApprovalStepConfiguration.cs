using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class ApprovalStepConfiguration : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> b)
    {
        b.HasIndex(s => new { s.ChainId, s.Position }).IsUnique();
        // A named member who leaves the company takes the step's name with them; the step then falls back to the admins.
        b.HasOne<Membership>().WithMany().HasForeignKey(s => s.NamedMembershipId).OnDelete(DeleteBehavior.SetNull);
    }
}
