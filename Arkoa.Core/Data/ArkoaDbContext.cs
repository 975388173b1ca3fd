using Arkoa.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace Arkoa.Core.Data;

public sealed class ArkoaDbContext(DbContextOptions<ArkoaDbContext> options) : DbContext(options)
{
    /// <summary>The connection name every service uses for the database.</summary>
    public const string ConnectionName = "arkoa";

    /// <summary>The connection of the schema's owner, used only to migrate (see SerializedMigration).</summary>
    public const string OwnerConnectionName = "arkoa-owner";

    public DbSet<User> Users => Set<User>();
    public DbSet<Session> Sessions => Set<Session>();
    public DbSet<UserToken> UserTokens => Set<UserToken>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<CompanyHoliday> CompanyHolidays => Set<CompanyHoliday>();
    public DbSet<Membership> Memberships => Set<Membership>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<TeamManager> TeamManagers => Set<TeamManager>();
    public DbSet<BlackoutPeriod> BlackoutPeriods => Set<BlackoutPeriod>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<InvitationSend> InvitationSends => Set<InvitationSend>();
    public DbSet<ReplacedInvitationToken> ReplacedInvitationTokens => Set<ReplacedInvitationToken>();
    public DbSet<ApprovalChain> ApprovalChains => Set<ApprovalChain>();
    public DbSet<ApprovalStep> ApprovalSteps => Set<ApprovalStep>();
    public DbSet<MemberApprover> MemberApprovers => Set<MemberApprover>();
    public DbSet<ApprovalDelegation> ApprovalDelegations => Set<ApprovalDelegation>();
    public DbSet<LeaveApprover> LeaveApprovers => Set<LeaveApprover>();
    public DbSet<LeaveStepDecision> LeaveStepDecisions => Set<LeaveStepDecision>();
    public DbSet<LeaveEscalation> LeaveEscalations => Set<LeaveEscalation>();
    public DbSet<Leave> Leaves => Set<Leave>();
    public DbSet<LeaveStatusChange> LeaveStatusChanges => Set<LeaveStatusChange>();
    public DbSet<LeaveBalance> LeaveBalances => Set<LeaveBalance>();
    public DbSet<LeaveTypeDefinition> LeaveTypeDefinitions => Set<LeaveTypeDefinition>();
    public DbSet<LeaveBalanceHistory> LeaveBalanceHistory => Set<LeaveBalanceHistory>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<WorkerJobRun> WorkerJobRuns => Set<WorkerJobRun>();
    public DbSet<CompanyDataVersion> CompanyDataVersions => Set<CompanyDataVersion>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<CompanyApiToken> CompanyApiTokens => Set<CompanyApiToken>();
    public DbSet<ScimToken> ScimTokens => Set<ScimToken>();
    public DbSet<ScimUser> ScimUsers => Set<ScimUser>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<WebhookEndpoint> WebhookEndpoints => Set<WebhookEndpoint>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookDeliveryAttempt> WebhookDeliveryAttempts => Set<WebhookDeliveryAttempt>();
    public DbSet<CompanySsoProvider> CompanySsoProviders => Set<CompanySsoProvider>();
    public DbSet<SsoIdentity> SsoIdentities => Set<SsoIdentity>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored as their wire names, readable in SQL and stable if members are reordered.
        // A leave type is a code stored the same way (see LeaveType); the default mapping covers constants and list elements.
        configurationBuilder.Properties<LeaveType>().HaveConversion<LeaveTypeValueConverter>().HaveMaxLength(LeaveType.MaxLength);
        configurationBuilder.DefaultTypeMapping<LeaveType>().HasConversion<LeaveTypeValueConverter>();
        configurationBuilder.Properties<LeaveStatus>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<HalfDayPeriod>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<LeaveBalanceHistoryType>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<UserRole>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<UserTokenPurpose>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<Approvals.ApproverKind>().HaveConversion<string>().HaveMaxLength(30);
        configurationBuilder.Properties<Approvals.ApprovalMode>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<Approvals.StepDecision>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<WebhookEndpointKind>().HaveConversion<string>().HaveMaxLength(10);
        configurationBuilder.Properties<BlackoutEffect>().HaveConversion<string>().HaveMaxLength(20);
        // Day quantities are exact half days; two decimals leave room for prorated credits.
        configurationBuilder.Properties<decimal>().HavePrecision(8, 2);
    }

    // Each entity's table shape, keys, indexes and constraints live in Data/Configurations, one file per entity
    // (docs/specification.md §2); names are snake_case.
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArkoaDbContext).Assembly);
        modelBuilder.HasDbFunction(typeof(SqlFunctions).GetMethod(nameof(SqlFunctions.Unaccent))!).HasName("arkoa_unaccent");
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampTimes();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampTimes();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    private void StampTimes()
    {
        var now = DateTime.UtcNow;
        foreach (var entry in ChangeTracker.Entries<Entity>())
        {
            if (entry.State == EntityState.Added)
            {
                if (entry.Entity.CreatedAt == default) entry.Entity.CreatedAt = now;
                entry.Entity.UpdatedAt = now;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                if (entry.Entity is Leave leave) leave.Version++;
            }
        }
    }
}
