using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class ApprovalChainConfiguration : IEntityTypeConfiguration<ApprovalChain>
{
    public void Configure(EntityTypeBuilder<ApprovalChain> b)
    {
        b.Property(c => c.Name).HasMaxLength(ApprovalChain.NameMaxLength);
        b.HasIndex(c => c.CompanyId).IsUnique(); // one chain per company
        b.HasOne<Company>().WithMany().HasForeignKey(c => c.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Steps).WithOne().HasForeignKey(s => s.ChainId).OnDelete(DeleteBehavior.Cascade);
    }
}
