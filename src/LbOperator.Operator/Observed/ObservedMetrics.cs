using Prometheus;

namespace LbOperator.Operator.Observed;

/// <summary>
/// The observed-traffic instruments. The skew and per-pod share gauges are set from
/// <see cref="ObservedSnapshot"/> when Prometheus scrapes, so they never outlive the state they describe.
/// Per-pod shares are exported only for the hottest pods of entry points with LB007 reported, which
/// keeps that series count small however large the cluster.
/// </summary>
public sealed class ObservedMetrics
{
    private static readonly string[] EntryPointLabels = ["namespace", "kind", "name", "entry_point"];

    private readonly ObservedSnapshot _snapshot;
    private readonly Lock _refreshing = new();
    private HashSet<string[]> _skewSeries = new(LabelComparer.Instance);
    private HashSet<string[]> _shareSeries = new(LabelComparer.Instance);

    public ObservedMetrics(CollectorRegistry registry, ObservedSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(registry);
        _snapshot = snapshot;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);
        Skew = factory.CreateGauge("lb_operator_observed_traffic_skew_ratio",
            "Observed max pod share divided by the even share (1.0 = perfectly even), from Prometheus.", EntryPointLabels);
        PodShare = factory.CreateGauge("lb_operator_observed_pod_share_ratio",
            "Expected and observed share of the hottest pods of an entry point with LB007 (observed skew) reported.",
            [.. EntryPointLabels, "backend_pod", "node", "share"]);
        QueryErrors = factory.CreateCounter("lb_operator_observed_query_errors_total",
            "Observed-traffic queries that failed, by query (cluster or service).", "query");
        LastSuccess = factory.CreateGauge("lb_operator_observed_last_success_timestamp_seconds",
            "Unix time of the last answer to the cluster-wide observed-traffic query.");
        registry.AddBeforeCollectCallback(Refresh);
    }

    public Gauge Skew { get; }

    public Gauge PodShare { get; }

    public Counter QueryErrors { get; }

    public Gauge LastSuccess { get; }

    /// <summary>Sets every current series and removes those no longer in the snapshot.</summary>
    public void Refresh()
    {
        lock (_refreshing)
        {
            RefreshLocked();
        }
    }

    private void RefreshLocked()
    {
        var skewSeries = new HashSet<string[]>(LabelComparer.Instance);
        var shareSeries = new HashSet<string[]>(LabelComparer.Instance);
        var (spreads, findings) = _snapshot.Read();
        var reported = findings.Select(f => (f.Object, f.EntryPoint)).ToHashSet();
        foreach (var spread in spreads)
        {
            var owner = spread.Expected.EntryPoint.Owner;
            string[] labels = [owner.Namespace, owner.KindName, owner.Name, spread.Expected.EntryPoint.Name];
            Skew.WithLabels(labels).Set(spread.Skew);
            skewSeries.Add(labels);
            if (!reported.Contains((owner, spread.Expected.EntryPoint.Name)))
            {
                continue;
            }

            foreach (var endpoint in spread.Endpoints.Take(ObservedSnapshot.PodsExported))
            {
                var pod = endpoint.Expected.Pod?.Name ?? endpoint.Expected.Endpoint;
                var node = endpoint.Expected.Node ?? "";
                string[] expected = [.. labels, pod, node, "expected"];
                string[] observed = [.. labels, pod, node, "observed"];
                PodShare.WithLabels(expected).Set(endpoint.Expected.Share);
                PodShare.WithLabels(observed).Set(endpoint.Share);
                shareSeries.Add(expected);
                shareSeries.Add(observed);
            }
        }

        foreach (var gone in _skewSeries.Except(skewSeries, LabelComparer.Instance))
        {
            Skew.RemoveLabelled(gone);
        }

        foreach (var gone in _shareSeries.Except(shareSeries, LabelComparer.Instance))
        {
            PodShare.RemoveLabelled(gone);
        }

        (_skewSeries, _shareSeries) = (skewSeries, shareSeries);
    }

    private sealed class LabelComparer : IEqualityComparer<string[]>
    {
        public static readonly LabelComparer Instance = new();

        public bool Equals(string[]? x, string[]? y) => x is not null && y is not null && x.AsSpan().SequenceEqual(y);

        public int GetHashCode(string[] obj)
        {
            var hash = new HashCode();
            foreach (var item in obj)
            {
                hash.Add(item, StringComparer.Ordinal);
            }

            return hash.ToHashCode();
        }
    }
}
