using LbOperator.Core.Analysis;
using LbOperator.Kubernetes.Manifests;
using LbOperator.Kubernetes.PolicyReports;

namespace LbOperator.Check;

/// <summary>The validated flags (and config file) of one <c>lb-operator check</c> run.</summary>
/// <param name="Format">A name in <see cref="Reports.ReportWriters"/>.</param>
/// <param name="SkipInvalid">Input errors become notes and do not change the exit code.</param>
/// <param name="Quiet">The report keeps the summary and the entry points with findings only.</param>
/// <param name="Cluster">Read the live cluster under the files, or null for files only.</param>
/// <param name="Observed">Compare with traffic observed by Prometheus (needs <paramref name="Cluster"/>), or null.</param>
internal sealed record CheckSettings(
    IReadOnlyList<string> Paths,
    string Format,
    Severity FailOn,
    ManifestReadOptions Read,
    AnalysisPolicy Policy,
    bool SkipInvalid = false,
    bool Quiet = false,
    ClusterSettings? Cluster = null,
    ObservedCheckSettings? Observed = null)
{
    /// <summary>The API the <c>policyreport</c> format writes (<c>--report-api</c>).</summary>
    public ReportApi ReportApi { get; init; } = ReportApi.PolicyReport;
}

/// <summary>Where <c>check --cluster</c> reads from.</summary>
/// <param name="Namespace">The one namespace to read, or null for all (<c>-A</c>, or no <c>-n</c>).</param>
internal sealed record ClusterSettings(string? KubeconfigPath, string? Context, string? Namespace);

/// <summary>Where and how <c>check --prometheus-url</c> observes traffic.</summary>
/// <param name="Query">The cluster-wide query template (<c>$window</c> is substituted).</param>
internal sealed record ObservedCheckSettings(Uri PrometheusUrl, TimeSpan Window, string Query);
