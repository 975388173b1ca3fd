using System.Diagnostics;
using Npgsql;

namespace Arkoa.Worker.Backups;

/// <summary>
/// Runs the PostgreSQL client programs (pg_dump, pg_restore) against the database of a connection string.
/// The password goes through the PGPASSWORD environment variable of the child process only: never on its
/// command line (visible to every user in ps) and never in a log.
/// </summary>
public sealed class PostgresTools(string binDirectory, NpgsqlConnectionStringBuilder connection)
{
    public string BinDirectory { get; } = binDirectory;

    /// <summary>The configured folder, else the newest Debian server/client install, else the PATH.</summary>
    public static string FindBinDirectory(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasTools(configured) ? configured
                : throw new InvalidOperationException($"Backup:PgBinDirectory '{configured}' holds no pg_dump and pg_restore.");
        }
        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(d => (Bin: Path.Combine(d, "bin"), Version: int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
                .Where(d => HasTools(d.Bin))
                .OrderByDescending(d => d.Version)
                .Select(d => d.Bin)
                .FirstOrDefault();
            if (newest is not null) return newest;
        }
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(HasTools);
        return onPath ?? throw new InvalidOperationException(
            "pg_dump and pg_restore were not found: install the postgresql-client package (same major version as the server or newer) or set Backup:PgBinDirectory.");
    }

    private static bool HasTools(string directory) =>
        File.Exists(Path.Combine(directory, "pg_dump")) && File.Exists(Path.Combine(directory, "pg_restore"));

    /// <summary>Runs a client program on <paramref name="database"/>; throws with its error output when it fails.</summary>
    public async Task RunAsync(string program, string database, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path.Combine(BinDirectory, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in (string[])["--host", connection.Host ?? "localhost", "--port", connection.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--username", connection.Username ?? "postgres", "--dbname", database, "--no-password"])
        {
            start.ArgumentList.Add(argument);
        }
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["PGPASSWORD"] = connection.Password ?? "";
        if (connection.SslMode is not SslMode.Prefer) start.Environment["PGSSLMODE"] = LibpqSslMode(connection.SslMode);

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} could not be started.");
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} was stopped after {timeout} or at shutdown.");
        }
        await Task.WhenAll(output, error);
        if (process.ExitCode != 0)
        {
            var message = (await error).Trim();
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {(message.Length <= 2000 ? message : message[..2000])}");
        }
    }

    private static string LibpqSslMode(SslMode mode) => mode switch
    {
        SslMode.Disable => "disable",
        SslMode.Allow => "allow",
        SslMode.Require => "require",
        SslMode.VerifyCA => "verify-ca",
        SslMode.VerifyFull => "verify-full",
        _ => "prefer",
    };
}
