using System.Diagnostics;

namespace Arkoa.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL refuses to run as root. When the AppHost is root, servers run as an unprivileged
/// user through setpriv, which execs the server (no extra process between DCP's signals and it).
/// </summary>
public static class RootDrop
{
    public const string ServiceUser = "postgres";

    public static bool IsRoot => Environment.UserName == "root";

    /// <summary>The command and argument prefix that runs a program as <see cref="ServiceUser"/> when needed.</summary>
    public static (string Command, string[] Prefix) Wrap(string program) =>
        IsRoot
            ? (LocalBinaries.OnPath("setpriv", "util-linux"), [$"--reuid={ServiceUser}", $"--regid={ServiceUser}", "--init-groups", "--", program])
            : (program, []);

    /// <summary>Gives a folder to the service user (no-op when not root).</summary>
    public static void Own(string path)
    {
        if (IsRoot) Run(LocalBinaries.OnPath("chown", "coreutils"), "-R", $"{ServiceUser}:{ServiceUser}", path);
    }

    public static void Run(string program, params string[] args)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} failed ({process.ExitCode}): {error}{output.Result}");
        }
    }
}
