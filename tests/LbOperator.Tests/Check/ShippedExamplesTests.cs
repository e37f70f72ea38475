using System.Text.Json;
using LbOperator.Tests.Commands;

namespace LbOperator.Tests.Check;

/// <summary><c>make demo</c> runs check on deploy/examples: the outage replay must be flagged and nothing else.</summary>
public class ShippedExamplesTests
{
    [Fact]
    public void The_outage_replay_is_the_only_finding_in_deploy_examples()
    {
        var result = CheckInvocation.Run("check", "-f", ExamplesDirectory(), "--output", "json", "--fail-on", "info");

        using var document = JsonDocument.Parse(result.Stdout);
        var finding = Assert.Single(document.RootElement.GetProperty("findings").EnumerateArray());
        Assert.Equal(("LB001", "error", "checkout"), (finding.GetProperty("rule").GetString(), finding.GetProperty("severity").GetString(), finding.GetProperty("name").GetString()));
        Assert.Equal(3.0, finding.GetProperty("skew").GetDouble(), precision: 9);
        Assert.Equal(1, result.ExitCode);
    }

    [Theory]
    [InlineData("Service", "checkout-balanced")]
    [InlineData("Ingress", "storefront")]
    [InlineData("HTTPRoute", "payments")]
    public void The_balanced_examples_spread_evenly(string kind, string name)
    {
        var result = CheckInvocation.Run("check", "-f", ExamplesDirectory(), "--output", "json");

        using var document = JsonDocument.Parse(result.Stdout);
        var entryPoint = Assert.Single(
            document.RootElement.GetProperty("entryPoints").EnumerateArray(),
            e => e.GetProperty("kind").GetString() == kind && e.GetProperty("name").GetString() == name);
        Assert.Equal(1.0, entryPoint.GetProperty("skew").GetDouble(), precision: 9);
    }

    private static string ExamplesDirectory()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "LbOperator.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory.FullName, "deploy", "examples");
    }
}
