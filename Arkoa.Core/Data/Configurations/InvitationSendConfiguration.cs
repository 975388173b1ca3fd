using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class InvitationSendConfiguration : IEntityTypeConfiguration<InvitationSend>
{
    public void Configure(EntityTypeBuilder<InvitationSend> b)
    {
        b.Property(s => s.RecipientHash).HasMaxLength(64);
        // The two counts of InvitationLimits: a company's sends and a recipient's sends of the last day.
        b.HasIndex(s => new { s.CompanyId, s.CreatedAt });
        b.HasIndex(s => new { s.RecipientHash, s.CreatedAt });
        b.HasOne<Company>().WithMany().HasForeignKey(s => s.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
