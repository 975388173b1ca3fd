using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> b)
    {
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasIndex(t => t.UserId);
        b.Property(t => t.Name).HasMaxLength(Tokens.ApiTokenRules.NameMaxLength);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        // An erased account or a deleted company takes its tokens with it.
        b.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Company>().WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_api_tokens_scopes",
            "cardinality(scopes) > 0 AND scopes <@ ARRAY['read','write','approve']::text[]"));
    }
}
