using System.Diagnostics;
using System.Text.Json;

namespace LbOperator.Tests.Commands;

/// <summary>One end-to-end run of the built executable, to cover Program.cs and the real console streams.</summary>
public class ExecutableSmokeTests
{
    [Fact]
    public async Task The_built_executable_flags_the_outage_replay_from_stdin()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "lb-operator.dll"), "check", "-f", "-", "--output", "json" },
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;

        await process.StandardInput.WriteAsync(await File.ReadAllTextAsync(CheckInvocation.FixturePath("outage-replay.yaml")));
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();

        Assert.Equal(1, process.ExitCode);
        using var document = JsonDocument.Parse(await stdout);
        Assert.Equal("LB001", document.RootElement.GetProperty("findings")[0].GetProperty("rule").GetString());
        Assert.DoesNotContain("Exception", await stderr, StringComparison.Ordinal);
    }
}
