namespace LbOperator.Chart.Tests.Infrastructure;

/// <summary>
/// helm with its own cache, config and data homes in a temporary directory, so tests never share
/// state with each other or with the user's helm. Renders never need a cluster.
/// </summary>
public sealed class HelmCli : IDisposable
{
    public const string ReleaseName = "lb-operator";
    public const string Namespace = "lb-operator";

    private readonly string _home = Directory.CreateTempSubdirectory("lb-operator-chart-tests-").FullName;

    public string WorkDirectory => _home;

    public ProcessResult Run(params string[] arguments) =>
        ProcessRunner.Run(RepositoryLayout.Helm, arguments, new Dictionary<string, string>
        {
            ["HELM_CACHE_HOME"] = Path.Combine(_home, "cache"),
            ["HELM_CONFIG_HOME"] = Path.Combine(_home, "config"),
            ["HELM_DATA_HOME"] = Path.Combine(_home, "data"),
            ["KUBECONFIG"] = Path.Combine(_home, "no-kubeconfig"),
        });

    /// <summary><c>helm template</c> of the chart with the given extra arguments (-f, --set).</summary>
    public ProcessResult TryTemplate(params string[] arguments) =>
        Run(["template", ReleaseName, RepositoryLayout.Chart, "--namespace", Namespace, .. arguments]);

    public RenderedChart Template(params string[] arguments)
    {
        var result = TryTemplate(arguments);
        Assert.True(result.Succeeded, $"helm template {string.Join(' ', arguments)} failed: {result}");
        return new RenderedChart(ManifestReader.Read(result.StandardOutput));
    }

    public RenderedChart TemplateScenario(string scenario) =>
        Template(ChartScenarios.ArgumentsFor(scenario));

    public void Dispose() => Directory.Delete(_home, recursive: true);
}
