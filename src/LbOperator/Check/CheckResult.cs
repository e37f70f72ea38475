using LbOperator.Check.Observed;
using LbOperator.Core.Analysis;
using LbOperator.Kubernetes.Manifests;

namespace LbOperator.Check;

/// <summary>Everything a report writer needs: the analysis, the inputs it came from, and what went wrong reading them.</summary>
/// <param name="Errors">Input errors that make the run exit 2 (none with <c>--skip-invalid</c>).</param>
/// <param name="Observed">What Prometheus showed (<c>--prometheus-url</c>); its LB007 findings are in <see cref="Report"/>.</param>
internal sealed record CheckResult(AnalysisReport Report, ManifestSet Inputs, CheckSettings Settings, IReadOnlyList<InputDiagnostic> Errors, ObservedCheckResult? Observed = null)
{
    /// <summary>When the report was made: the first-seen time of <c>policyreport</c> results.</summary>
    public DateTimeOffset Now { get; init; }

    public int UnknownEndpoints => Report.EntryPoints.Count(entryPoint => !entryPoint.EndpointsKnown);

    public int FromCluster => Inputs.Objects.Count(item => item.Source.IsCluster);

    public bool Fails(Finding finding) => finding.Severity >= Settings.FailOn;
}
