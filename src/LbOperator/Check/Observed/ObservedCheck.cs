using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Observed;
using LbOperator.Kubernetes.Observed;

namespace LbOperator.Check.Observed;

/// <summary>
/// <c>check --prometheus-url</c>: one collection at "now" with the operator's collector (the cluster-wide
/// query and every Service's own query), each entry point compared and judged by the core exactly as
/// the operator does. The operator raises LB007 after several consecutive intervals so that a burst
/// does not flap it; a one-shot run has nothing to flap, and the window's rate already averages, so the
/// one observation is judged as the sustained one.
/// </summary>
internal static class ObservedCheck
{
    private static readonly TimeSpan QueryTimeout = TimeSpan.FromSeconds(30);

    public static async Task<ObservedCheckResult> RunAsync(
        ObservedCheckSettings settings, IClusterView view, AnalysisReport report, AnalysisPolicy policy, DateTimeOffset now, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = QueryTimeout };
        var client = new PrometheusClient(http, settings.PrometheusUrl);
        // Every Service's own query runs: there is no next interval to take turns with.
        var collector = new ObservedRatesCollector(client, new ObservedSettings(settings.Query, settings.Window, MinRate: null, MaxQueriesPerInterval: int.MaxValue));
        var collection = await collector.CollectAsync(view, now, cancellationToken).ConfigureAwait(false);

        var comparisons = new Dictionary<EntryPointResult, ObservedComparison>(ReferenceEqualityComparer.Instance);
        var findings = new List<Finding>();
        foreach (var expected in report.EntryPoints)
        {
            var comparison = ObservedComparer.Compare(expected, collection.Rates);
            comparisons[expected] = comparison;
            var owner = expected.EntryPoint.Owner;
            var thresholds = ObservedJudge.ThresholdsFor(view, owner, policy);
            if (ObservedTracker.InputFor(comparison, thresholds).Finding is { } finding && ObservedJudge.IsReported(view, owner, policy))
            {
                findings.Add(finding);
            }
        }

        return new ObservedCheckResult(settings, now, comparisons, findings, Problems(collection, settings, comparisons.Values), collection.ClusterError is not null);
    }

    private static List<string> Problems(ObservedCollection collection, ObservedCheckSettings settings, IEnumerable<ObservedComparison> comparisons)
    {
        var problems = new List<string>();
        if (collection.ClusterError is { } error)
        {
            var anyObserved = comparisons.Any(c => c.Status is ObservedStatus.Judged or ObservedStatus.Idle);
            problems.Add($"{error.Message.TrimEnd('.')}; "
                + (anyObserved ? "entry points measured by the cluster query show the configuration only" : "the report shows the configuration only"));
        }

        if (collection.ClusterLacksPodLabel)
        {
            problems.Add($"the cluster query returned series but none has a 'pod' label, so none matches an endpoint; aggregate with 'sum by (namespace, pod)': {settings.Query}");
        }

        foreach (var problem in collection.ServiceProblems)
        {
            // Prometheus down fails every query alike: the cluster query's line says it once.
            if (problem.Message != collection.ClusterError?.Message)
            {
                problems.Add($"Service {problem.Service.Namespace}/{problem.Service.Name}: {problem.Message}");
            }
        }

        return problems;
    }
}
