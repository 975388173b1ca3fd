using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class IdempotencyRecordConfiguration : IEntityTypeConfiguration<IdempotencyRecord>
{
    public void Configure(EntityTypeBuilder<IdempotencyRecord> b)
    {
        // The lock: of two requests with the same key, only the one whose insert wins runs (on any replica).
        b.HasIndex(r => new { r.UserId, r.Key }).IsUnique();
        // The clean-up deletes by expiry.
        b.HasIndex(r => r.ExpiresAt);
        b.Property(r => r.Key).HasMaxLength(Tokens.IdempotencyKey.MaxLength);
        b.Property(r => r.RequestHash).HasMaxLength(64);
        b.Property(r => r.ContentType).HasMaxLength(200);
        b.Property(r => r.Location).HasMaxLength(2000);
        b.HasOne<User>().WithMany().HasForeignKey(r => r.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
