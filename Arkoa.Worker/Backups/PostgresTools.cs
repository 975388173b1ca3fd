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

    /// <summary>
    /// Runs a client program on <paramref name="database"/>; throws with its error output when it fails.
    /// <paramref name="readOutput"/> consumes what it writes to its standard output, <paramref name="writeInput"/> feeds its
    /// standard input (closed once that returns), so a dump or restore can stream without a plain file in between.
    /// </summary>
    public async Task RunAsync(string program, string database, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken,
        Func<Stream, CancellationToken, Task>? readOutput = null, Func<Stream, CancellationToken, Task>? writeInput = null)
    {
        var start = new ProcessStartInfo(Path.Combine(BinDirectory, program))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = writeInput is not null,
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
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        var error = process.StandardError.ReadToEndAsync(CancellationToken.None);
        // If our side of a pipe fails (say the disk is full), the program would wait on it forever: it is stopped instead.
        async Task StopOnFailure(Task work)
        {
            try { await work; }
            catch { if (!process.HasExited) process.Kill(entireProcessTree: true); throw; }
        }
        var output = readOutput is null
            ? process.StandardOutput.ReadToEndAsync(CancellationToken.None)
            : StopOnFailure(readOutput(process.StandardOutput.BaseStream, deadline.Token));
        var input = writeInput is null ? Task.CompletedTask : StopOnFailure(FeedAsync(process, writeInput, deadline.Token));
        try
        {
            await Task.WhenAll(process.WaitForExitAsync(deadline.Token), output, input);
        }
        catch (OperationCanceledException)
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} was stopped after {timeout} or at shutdown.");
        }
        catch (IOException) when (process.HasExited && process.ExitCode != 0)
        {
            // The program stopped reading because it failed: its own message says why.
        }
        if (process.ExitCode != 0) throw Failed(program, process, await error);
    }

    private static async Task FeedAsync(Process process, Func<Stream, CancellationToken, Task> writeInput, CancellationToken cancellationToken)
    {
        await using var stdin = process.StandardInput.BaseStream;
        await writeInput(stdin, cancellationToken);
    }

    private static InvalidOperationException Failed(string program, Process process, string error)
    {
        var message = error.Trim();
        return new InvalidOperationException($"{program} failed ({process.ExitCode}): {(message.Length <= 2000 ? message : message[..2000])}");
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
