using Arkoa.Core.Balances;
using Arkoa.Core.Domain;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace Arkoa.Core.Data.Configurations;

internal sealed class LeaveBalanceHistoryConfiguration : IEntityTypeConfiguration<LeaveBalanceHistory>
{
    private static readonly JsonSerializerOptions FactsJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public void Configure(EntityTypeBuilder<LeaveBalanceHistory> b)
    {
        b.ToTable("leave_balance_history");
        b.Property(h => h.Reason).HasMaxLength(500);
        // Read whole with its row, never queried into: JSON text of the record, names as the Api writes them.
        b.Property(h => h.Facts).HasColumnType("jsonb").HasConversion(
            facts => facts == null ? null : JsonSerializer.Serialize(facts, FactsJson),
            json => json == null ? null : JsonSerializer.Deserialize<BalanceChangeFacts>(json, FactsJson),
            new ValueComparer<BalanceChangeFacts?>((a, b) => Equals(a, b), facts => facts == null ? 0 : facts.GetHashCode(), facts => facts));
        b.HasIndex(h => new { h.LeaveBalanceId, h.CreatedAt });
        b.HasOne(h => h.LeaveBalance).WithMany().HasForeignKey(h => h.LeaveBalanceId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne(h => h.Actor).WithMany().HasForeignKey(h => h.ActorId).OnDelete(DeleteBehavior.SetNull);
        // A leave named by history is never deleted; the constraint is checked at commit (migration
        // SoftDeletedLeavesAndAppendOnlyHistory), so deleting a whole company, which takes leaves and history together, passes.
        b.HasOne<Leave>().WithMany().HasForeignKey(h => h.LeaveId).OnDelete(DeleteBehavior.NoAction);

        // The hash chain per member (migration LedgerHashChainAndBalanceSum): a trigger fills these on insert, under the
        // member's row lock, and the unique key makes a fork impossible even for a writer that skipped the lock. Checked at
        // commit, like the leave's, so a company's cascade may remove memberships and history in whichever order.
        b.HasOne<Membership>().WithMany().HasForeignKey(h => h.MembershipId).OnDelete(DeleteBehavior.NoAction);
        b.HasIndex(h => new { h.MembershipId, h.Sequence }).IsUnique();
        b.Property(h => h.Sequence).ValueGeneratedOnAdd().Metadata.SetValueGenerationStrategy(NpgsqlValueGenerationStrategy.None);
        b.Property(h => h.PreviousHash).HasMaxLength(LedgerHash.Length).IsFixedLength().ValueGeneratedOnAdd();
        b.Property(h => h.Hash).HasMaxLength(LedgerHash.Length).IsFixedLength().ValueGeneratedOnAdd();
    }
}
