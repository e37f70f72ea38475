using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed class ReleaseNotesTests : IDisposable
{
    private readonly HelmCli _helm = new();

    [Theory]
    [InlineData("kubectl describe service")]
    [InlineData("--field-selector reportingComponent=lb-operator")]
    [InlineData("--field-selector source=lb-operator")]
    [InlineData("port-forward service/lb-operator 8080:8080")]
    [InlineData("curl -s localhost:8080/metrics")]
    [InlineData("lb-operator.io/enforce=enforce")]
    [InlineData("--set webhook.mode=enforce")]
    public void Notes_give_the_next_steps(string step)
    {
        var result = _helm.Run("install", HelmCli.ReleaseName, RepositoryLayout.Chart, "--namespace", HelmCli.Namespace, "--dry-run=client");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains(step, result.StandardOutput[result.StandardOutput.IndexOf("NOTES:", StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    public void Dispose() => _helm.Dispose();
}
