namespace Arkoa.Worker.Backups;

/// <summary>The "Backup" configuration section.</summary>
public sealed class BackupOptions
{
    /// <summary>Folder of the backups (the AppHost passes one; unset means backups are off, and health says so).</summary>
    public string? Directory { get; set; }

    /// <summary>Cron expression (5 fields) in <see cref="TimeZone"/>; empty means on demand only.</summary>
    public string Schedule { get; set; } = "30 2 * * *";

    public string TimeZone { get; set; } = "UTC";

    /// <summary>Verified backups older than this many days are deleted after each successful backup (the newest is always kept).</summary>
    public int RetentionDays { get; set; } = 7;

    /// <summary>Folder of pg_dump and pg_restore; by default the newest /usr/lib/postgresql/&lt;version&gt;/bin, else the PATH.</summary>
    public string? PgBinDirectory { get; set; }

    /// <summary>Health turns Degraded when the newest verified backup is older than this (a daily schedule plus slack).</summary>
    public TimeSpan MaxAge { get; set; } = TimeSpan.FromHours(26);

    /// <summary>How long pg_dump or pg_restore may run before the backup is abandoned.</summary>
    public TimeSpan ProcessTimeout { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(Directory);
}
