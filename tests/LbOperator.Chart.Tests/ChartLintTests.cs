using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed class ChartLintTests : IDisposable
{
    private readonly HelmCli _helm = new();

    [Theory]
    [MemberData(nameof(ChartScenarios.All), MemberType = typeof(ChartScenarios))]
    public void Helm_lint_passes_in_strict_mode_for_every_scenario(string scenario)
    {
        var result = _helm.Run(["lint", RepositoryLayout.Chart, "--strict", "--namespace", HelmCli.Namespace, .. ChartScenarios.ArgumentsFor(scenario)]);

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("0 chart(s) failed", result.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _helm.Dispose();
}
