using System.Globalization;
using LbOperator.Core.Analysis;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Tests.Support;
using LbOperator.Runtime.Metrics;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// Renders published state and a from-scratch analysis as the same sorted lines (findings per object,
/// skew and blackholed share per entry point), so a test can compare them and show the difference.
/// </summary>
internal static class PublishedAudit
{
    public static IReadOnlyList<string> FromAnalysis(AnalysisReport report) =>
        report.Findings.Select(finding => FindingLine(finding))
            .Concat(report.EntryPoints.Select(result => EntryPointLine(result.EntryPoint.Owner.ToString(), result.EntryPoint.Name, result.Skew, result.BlackholedShare)))
            .Order(StringComparer.Ordinal)
            .ToArray();

    public static IReadOnlyList<string> FromStates(PublishedStates states) =>
        states.Snapshot().Values.SelectMany(state =>
                state.Findings.Values.Select(finding => FindingLine(finding.Current))
                    .Concat(state.EntryPoints.Select(pair => EntryPointLine(state.Object.ToString(), pair.Key, pair.Value.Skew, pair.Value.BlackholedShare))))
            .Order(StringComparer.Ordinal)
            .ToArray();

    /// <summary>The same lines read back from the Prometheus gauges (the findings gauge has no entry point, so only skew and blackholed lines).</summary>
    public static IReadOnlyList<string> FromGauges(MetricsExposition exposition)
    {
        var scraped = Scrape.Now(exposition);
        return scraped.Series(StateMetrics.TrafficSkew.Name)
            .Select(labels => EntryPointLine($"{labels[1]}/{labels[0]}/{labels[2]}", labels[3],
                scraped.Value(StateMetrics.TrafficSkew.Name, labels)!.Value, scraped.Value(StateMetrics.BlackholedTraffic.Name, labels) ?? double.NaN))
            .Order(StringComparer.Ordinal)
            .ToArray();
    }

    public static IReadOnlyList<string> EntryPointLines(IEnumerable<string> lines) =>
        lines.Where(line => line.Contains(" entry ", StringComparison.Ordinal)).ToArray();

    private static string FindingLine(Finding finding) =>
        $"{finding.Object} finding {finding.RuleId} at {finding.EntryPoint} {finding.Severity}";

    private static string EntryPointLine(string owner, string entryPoint, double skew, double blackholed) =>
        string.Create(CultureInfo.InvariantCulture, $"{owner} entry {entryPoint} skew {skew:F6} blackholed {blackholed:F6}");
}
