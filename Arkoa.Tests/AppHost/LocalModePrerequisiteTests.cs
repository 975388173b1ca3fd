using System.Diagnostics;

namespace Arkoa.Tests.AppHost;

/// <summary>The real AppHost, started as its own process without redis-server on its PATH, stops at once with one clear line.</summary>
public sealed class LocalModePrerequisiteTests
{
    [Fact]
    public async Task A_missing_program_stops_the_apphost_with_one_line_naming_the_package()
    {
        var emptyPath = Directory.CreateTempSubdirectory("arkoa-empty-path-");
        var dataDirectory = Directory.CreateTempSubdirectory("arkoa-prereq-");
        try
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!) // the dotnet host running these tests
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = AppContext.BaseDirectory,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Arkoa.AppHost.dll"));
            start.ArgumentList.Add("--Arkoa:Infrastructure=local");
            start.ArgumentList.Add($"--Arkoa:DataDir={dataDirectory.FullName}");
            start.Environment["PATH"] = emptyPath.FullName;
            start.Environment["ASPIRE_ALLOW_UNSECURED_TRANSPORT"] = "true";

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);

            Assert.Equal(1, process.ExitCode);
            var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            var line = Assert.Single(lines);
            Assert.Contains("apt-get install -y redis-server", line);
            Assert.DoesNotContain("Exception", await stdout + line);
        }
        finally
        {
            emptyPath.Delete(recursive: true);
            dataDirectory.Delete(recursive: true);
        }
    }
}
