using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class WorkerJobRunConfiguration : IEntityTypeConfiguration<WorkerJobRun>
{
    public void Configure(EntityTypeBuilder<WorkerJobRun> b)
    {
        b.Property(r => r.Job).HasMaxLength(WorkerJobRun.JobMaxLength);
        b.Property(r => r.Period).HasMaxLength(WorkerJobRun.PeriodMaxLength);
        b.Property(r => r.Summary).HasMaxLength(WorkerJobRun.SummaryMaxLength);
        // One run per job, company and period; system-wide runs (no company) are unique too (NULLS NOT DISTINCT).
        b.HasIndex(r => new { r.Job, r.CompanyId, r.Period }).IsUnique().AreNullsDistinct(false);
        b.HasOne<Company>().WithMany().HasForeignKey(r => r.CompanyId).OnDelete(DeleteBehavior.Cascade);
    }
}
