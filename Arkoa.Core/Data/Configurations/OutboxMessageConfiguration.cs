using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> b)
    {
        b.Property(o => o.Kind).HasMaxLength(50);
        b.Property(o => o.Payload).HasColumnType("jsonb");
        // The Worker's claim query reads only messages still to send, oldest due first.
        b.HasIndex(o => o.NextAttemptAt).HasFilter("sent_at IS NULL AND dead_at IS NULL");
        // The Worker's health check looks for recent dead letters at every probe; sent rows are many, dead ones few.
        b.HasIndex(o => o.DeadAt).HasFilter("dead_at IS NOT NULL");
    }
}
