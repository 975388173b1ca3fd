using Arkoa.Core.Domain;
using Arkoa.Core.Scim;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class ScimUserConfiguration : IEntityTypeConfiguration<ScimUser>
{
    public void Configure(EntityTypeBuilder<ScimUser> b)
    {
        b.HasIndex(u => u.MembershipId).IsUnique();
        // The provider finds a user by its own id (filter externalId eq "…").
        b.HasIndex(u => new { u.CompanyId, u.ExternalId });
        b.Property(u => u.ExternalId).HasMaxLength(ScimUserChange.ExternalIdMaxLength);
        b.Property(u => u.GivenName).HasMaxLength(ScimUserChange.NameMaxLength);
        b.Property(u => u.FamilyName).HasMaxLength(ScimUserChange.NameMaxLength);
        b.HasOne<Membership>().WithMany().HasForeignKey(u => u.MembershipId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Company>().WithMany().HasForeignKey(u => u.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
