using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class CompanyApiTokenConfiguration : IEntityTypeConfiguration<CompanyApiToken>
{
    public void Configure(EntityTypeBuilder<CompanyApiToken> b)
    {
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.CompanyId);
        b.Property(t => t.Name).HasMaxLength(Tokens.ApiTokenRules.NameMaxLength);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        // A deleted company takes its tokens with it; an erased creator leaves the row (its name stays in the audit).
        b.HasOne<Company>().WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(t => t.CreatedBy).WithMany().HasForeignKey(t => t.CreatedById).OnDelete(DeleteBehavior.SetNull);
        b.HasOne<User>().WithMany().HasForeignKey(t => t.RevokedById).OnDelete(DeleteBehavior.SetNull);
        b.ToTable(t => t.HasCheckConstraint("ck_company_api_tokens_scopes",
            "cardinality(scopes) > 0 AND scopes <@ ARRAY['read','write','approve']::text[]"));
    }
}
