namespace Arkoa.Worker.Backups;

/// <summary>The "Backup" configuration section.</summary>
public sealed class BackupOptions
{
    /// <summary>A key shorter than this is refused: it is all that stands between a copied backup and the company's data.</summary>
    public const int MinKeyLength = 32;

    /// <summary>Folder of the backups (the AppHost passes one; unset means backups are off, and health says so).</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Passphrase every backup is encrypted with (OpenPGP, AES-256; the AppHost's "backup-key" secret parameter). Without
    /// one no backup is written: a plain copy of the database would be the easiest thing to steal.
    /// </summary>
    public string? EncryptionKey { get; set; }

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

    /// <summary>Why backups cannot run with these settings, or null when they can.</summary>
    public string? Problem =>
        string.IsNullOrWhiteSpace(Directory) ? "Backups are off: Backup:Directory is not set."
        : string.IsNullOrEmpty(EncryptionKey) ? "Backups are off: Backup:EncryptionKey is not set."
        : EncryptionKey.Length < MinKeyLength ? $"Backups are off: Backup:EncryptionKey must be {MinKeyLength} characters or more."
        : null;

    public bool Enabled => Problem is null;

    public bool HasDirectory => !string.IsNullOrWhiteSpace(Directory);
}
