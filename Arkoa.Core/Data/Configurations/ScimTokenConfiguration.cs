using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class ScimTokenConfiguration : IEntityTypeConfiguration<ScimToken>
{
    public void Configure(EntityTypeBuilder<ScimToken> b)
    {
        // One token per company: rotating replaces the row's hash.
        b.HasIndex(t => t.CompanyId).IsUnique();
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.HasOne<Company>().WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.SetNull);
    }
}
