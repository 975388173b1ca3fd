using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class ApprovalStepConfiguration : IEntityTypeConfiguration<ApprovalStep>
{
    public void Configure(EntityTypeBuilder<ApprovalStep> b)
    {
        // Steps are added through their chain's collection, with their id already set (Entity): as for a leave's approvers,
        // the id is never the database's, so a new step found there is inserted, not taken for an existing row.
        b.Property(s => s.Id).ValueGeneratedNever();
        b.HasIndex(s => new { s.ChainId, s.Position }).IsUnique();
        // A named member who leaves the company takes the step's name with them; the step then falls back to the admins.
        b.HasOne<Membership>().WithMany().HasForeignKey(s => s.NamedMembershipId).OnDelete(DeleteBehavior.SetNull);
    }
}
