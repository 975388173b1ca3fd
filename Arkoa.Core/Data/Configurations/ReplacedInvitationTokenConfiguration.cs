using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class ReplacedInvitationTokenConfiguration : IEntityTypeConfiguration<ReplacedInvitationToken>
{
    public void Configure(EntityTypeBuilder<ReplacedInvitationToken> b)
    {
        b.HasIndex(t => t.TokenHash).IsUnique();
        // Withdrawing the invitation forgets its old links too: they then read as unknown, as the current one does.
        b.HasOne<Invitation>().WithMany().HasForeignKey(t => t.InvitationId).OnDelete(DeleteBehavior.Cascade);
    }
}
