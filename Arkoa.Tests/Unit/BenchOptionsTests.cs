using System.Diagnostics;

namespace Arkoa.Tests.Unit;

/// <summary>The benchmark's command line: a bad number stops it at once with the option's name, before any system starts.</summary>
public sealed class BenchOptionsTests
{
    [Theory]
    [InlineData("--rate", "abc", "--rate must be a number of requests a second above 0, not 'abc'.")]
    [InlineData("--write-rate", "0", "--write-rate must be a number of requests a second above 0, not '0'.")]
    [InlineData("--leaves", "-5", "--leaves must be a whole number, 0 or more, not '-5'.")]
    public async Task A_bad_number_is_refused_with_the_option_s_name(string option, string value, string message)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { Path.Combine(AppContext.BaseDirectory, "Arkoa.Bench.dll"), "run", option, value })
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var error = await process.StandardError.ReadToEndAsync(timeout.Token);
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(2, process.ExitCode);
        Assert.Equal(message, error.Trim());
    }
}
