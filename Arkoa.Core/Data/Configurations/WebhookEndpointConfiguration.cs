using Arkoa.Core.Domain;
using Arkoa.Core.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class WebhookEndpointConfiguration : IEntityTypeConfiguration<WebhookEndpoint>
{
    public void Configure(EntityTypeBuilder<WebhookEndpoint> b)
    {
        // Every change looks up the company's active endpoints in its transaction.
        b.HasIndex(e => e.CompanyId);
        b.Property(e => e.Url).HasMaxLength(WebhookTargetRules.UrlMaxLength);
        b.Property(e => e.Description).HasMaxLength(WebhookRules.DescriptionMaxLength);
        // A chat channel's encrypted URL is longer than a signing secret (Teams Workflows URLs run to ~400 characters).
        b.Property(e => e.EncryptedSecret).HasMaxLength(4000);
        b.Property(e => e.Language).HasMaxLength(2);
        // A deleted company takes its endpoints (and so their deliveries) with it.
        b.HasOne<Company>().WithMany().HasForeignKey(e => e.CompanyId).OnDelete(DeleteBehavior.Cascade);
        b.ToTable(t => t.HasCheckConstraint("ck_webhook_endpoints_events", "cardinality(events) > 0"));
    }
}
