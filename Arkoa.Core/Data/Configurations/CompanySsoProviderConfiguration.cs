using Arkoa.Core.Domain;
using Arkoa.Core.Sso;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class CompanySsoProviderConfiguration : IEntityTypeConfiguration<CompanySsoProvider>
{
    public void Configure(EntityTypeBuilder<CompanySsoProvider> b)
    {
        // One provider per company: saving replaces the row's settings.
        b.HasIndex(p => p.CompanyId).IsUnique();
        b.Property(p => p.IssuerUrl).HasMaxLength(SsoProviderRules.IssuerMaxLength);
        b.Property(p => p.ClientId).HasMaxLength(SsoProviderRules.ClientIdMaxLength);
        b.Property(p => p.EncryptedClientSecret).HasMaxLength(2000);
        b.HasOne<Company>().WithMany().HasForeignKey(p => p.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_company_sso_providers_domains", "cardinality(allowed_domains) > 0"));
    }
}
