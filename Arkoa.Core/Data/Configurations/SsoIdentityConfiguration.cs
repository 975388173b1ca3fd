using Arkoa.Core.Domain;
using Arkoa.Core.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class SsoIdentityConfiguration : IEntityTypeConfiguration<SsoIdentity>
{
    public void Configure(EntityTypeBuilder<SsoIdentity> b)
    {
        // A subject belongs to one account; an account has one subject per issuer (a second one is refused, not merged).
        b.HasIndex(i => new { i.Issuer, i.Subject }).IsUnique();
        b.HasIndex(i => new { i.UserId, i.Issuer }).IsUnique();
        b.Property(i => i.Issuer).HasMaxLength(SsoProviderRules.IssuerMaxLength);
        b.Property(i => i.Subject).HasMaxLength(SsoIdentityRules.SubjectMaxLength);
        // An erased account takes its links with it.
        b.HasOne<User>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
