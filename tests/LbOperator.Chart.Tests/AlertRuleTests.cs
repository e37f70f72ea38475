using LbOperator.Chart.Tests.Infrastructure;

namespace LbOperator.Chart.Tests;

/// <summary>
/// The PrometheusRule as Prometheus itself reads it: <c>promtool check rules</c> on the rendered groups,
/// and <c>promtool test rules</c> evaluating every alert on synthetic series (Fixtures/alerts.test.yaml).
/// </summary>
public sealed class AlertRuleTests : IDisposable
{
    private static readonly string UnitTests = Path.Combine(RepositoryLayout.Root, "tests", "LbOperator.Chart.Tests", "Fixtures", "alerts.test.yaml");

    private readonly HelmCli _helm = new();
    private readonly string _directory = Directory.CreateTempSubdirectory("lb-operator-alerts-").FullName;

    [PromtoolFact]
    public void The_rendered_rules_are_valid_for_prometheus()
    {
        WriteRules();

        var result = Promtool.Run("check", "rules", Path.Combine(_directory, "rules.yaml"));

        Assert.True(result.Succeeded, result.ToString());
        Assert.Contains("SUCCESS: 8 rules found", result.StandardOutput, StringComparison.Ordinal);
    }

    [PromtoolFact]
    public void Every_alert_fires_on_synthetic_series_and_stays_quiet_before_its_time()
    {
        WriteRules();
        File.Copy(UnitTests, Path.Combine(_directory, "alerts.test.yaml"));

        var result = Promtool.Run("test", "rules", Path.Combine(_directory, "alerts.test.yaml"));

        Assert.True(result.Succeeded, result.ToString());
    }

    [Fact]
    public void The_unit_tests_cover_every_alert_of_the_rule()
    {
        var rule = _helm.TemplateScenario("monitoring-values.yaml").Single<CustomResources.PrometheusRule>();
        var tests = File.ReadAllText(UnitTests);

        Assert.All(rule.Spec.Groups.SelectMany(group => group.Rules), alert =>
            Assert.Contains($"alertname: {alert.Alert}\n", tests, StringComparison.Ordinal));
    }

    /// <summary>The PrometheusRule's <c>spec</c> is a Prometheus rule file: its groups, de-indented.</summary>
    private void WriteRules()
    {
        var rendered = _helm.Run(["template", HelmCli.ReleaseName, RepositoryLayout.Chart, "--namespace", HelmCli.Namespace,
            .. ChartScenarios.ArgumentsFor("monitoring-values.yaml"), "--show-only", "templates/prometheusrule.yaml"]);
        Assert.True(rendered.Succeeded, rendered.ToString());
        var lines = rendered.StandardOutput.Split('\n');
        var spec = Array.IndexOf(lines, "spec:");
        Assert.True(spec >= 0, "the PrometheusRule has no spec");
        var groups = lines.Skip(spec + 1).Select(line => line.StartsWith("  ", StringComparison.Ordinal) ? line[2..] : line);
        File.WriteAllText(Path.Combine(_directory, "rules.yaml"), string.Join('\n', groups));
    }

    public void Dispose()
    {
        _helm.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}
