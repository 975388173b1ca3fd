using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Arkoa.Core.Data.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> b)
    {
        b.Property(t => t.Name).HasMaxLength(Team.NameMaxLength);
        b.HasIndex(t => t.CompanyId);
        // One default team per company; names are unique per company ignoring case (an expression index, in the migration).
        b.HasIndex(t => t.CompanyId, "ix_teams_one_default_per_company").HasDatabaseName("ix_teams_one_default_per_company").IsUnique().HasFilter("is_default");
        b.HasIndex(t => t.ParentTeamId);
        b.ToTable(t =>
        {
            t.HasCheckConstraint("ck_teams_minimum_present", "minimum_present IS NULL OR minimum_present BETWEEN 1 AND 10000");
            t.HasCheckConstraint("ck_teams_maximum_absent", "maximum_absent IS NULL OR maximum_absent BETWEEN 0 AND 10000");
        });
        b.HasOne(t => t.Company).WithMany().HasForeignKey(t => t.CompanyId).OnDelete(DeleteBehavior.Cascade);
        // A team with sub-teams is not deleted (TeamRules); the database refuses it too, at the end of the statement (NO
        // ACTION, not RESTRICT), so deleting a company deletes its whole tree.
        b.HasOne(t => t.ParentTeam).WithMany().HasForeignKey(t => t.ParentTeamId).OnDelete(DeleteBehavior.NoAction);
        b.HasMany(t => t.Members).WithOne(m => m.Team).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(t => t.Managers).WithOne(m => m.Team).HasForeignKey(m => m.TeamId).OnDelete(DeleteBehavior.Cascade);
    }
}
