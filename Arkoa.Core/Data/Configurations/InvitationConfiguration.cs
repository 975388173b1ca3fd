using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

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
