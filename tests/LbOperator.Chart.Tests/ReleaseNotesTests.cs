using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

public sealed class ReleaseNotesTests : IDisposable
{
    private static readonly string[] NextSteps =
    [
        "kubectl describe service",
        "--field-selector reportingComponent=lb-operator",
        "--field-selector source=lb-operator",
        "port-forward service/lb-operator 8080:8080",
        "curl -s localhost:8080/metrics",
        "lb-operator.io/enforce=enforce",
        "--set webhook.mode=enforce",
    ];

    private readonly HelmCli _helm = new();

    [Fact]
    public void Notes_show_how_to_see_the_events_and_the_metrics_and_how_to_switch_the_webhook_mode()
    {
        var result = _helm.Run("install", HelmCli.ReleaseName, RepositoryLayout.Chart, "--namespace", HelmCli.Namespace, "--dry-run=client");

        Assert.True(result.Succeeded, result.ToString());
        var notes = result.StandardOutput[result.StandardOutput.IndexOf("NOTES:", StringComparison.Ordinal)..];
        Assert.All(NextSteps, step => Assert.Contains(step, notes, StringComparison.Ordinal));
    }

    [Fact]
    public void Notes_without_the_webhook_say_how_to_enable_it()
    {
        var result = _helm.Run("install", HelmCli.ReleaseName, RepositoryLayout.Chart, "--namespace", HelmCli.Namespace, "--dry-run=client",
            "--set", "webhook.enabled=false");

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("--set webhook.enabled=true", result.StandardOutput, StringComparison.Ordinal);
    }

    public void Dispose() => _helm.Dispose();
}
