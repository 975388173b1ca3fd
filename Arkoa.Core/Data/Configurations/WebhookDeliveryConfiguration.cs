using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class WebhookDeliveryConfiguration : IEntityTypeConfiguration<WebhookDelivery>
{
    public void Configure(EntityTypeBuilder<WebhookDelivery> b)
    {
        b.Property(d => d.Sequence).UseIdentityAlwaysColumn();
        b.HasIndex(d => d.Sequence).IsUnique();
        b.Property(d => d.EventType).HasMaxLength(50);
        b.Property(d => d.LastError).HasMaxLength(WebhookDeliveryAttempt.ErrorMaxLength);
        // The Worker's claim reads only deliveries still to make, oldest due first.
        b.HasIndex(d => d.NextAttemptAt).HasFilter("delivered_at IS NULL AND dead_at IS NULL");
        // The ordering check: an earlier undelivered event about the same thing for the same endpoint.
        b.HasIndex(d => new { d.EndpointId, d.OrderingKey, d.Sequence }).HasFilter("delivered_at IS NULL AND dead_at IS NULL");
        // The admins' list of recent deliveries of an endpoint.
        b.HasIndex(d => new { d.EndpointId, d.CreatedAt });
        b.HasIndex(d => d.DeadAt).HasFilter("dead_at IS NOT NULL");
        // The daily retention job deletes a company's deliveries delivered before a day (WebhookRetentionJob).
        b.HasIndex(d => new { d.CompanyId, d.DeliveredAt }).HasFilter("delivered_at IS NOT NULL");
        b.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(d => d.EndpointId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(d => d.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);
    }
}
