using LbOperator.Operator.Metrics;
using Prometheus;

namespace LbOperator.Operator.Publishing;

/// <summary>
/// Computes the per-object series from <see cref="PublishedStates"/> each time Prometheus scrapes (a
/// before-collect callback on the registry): what is published is set, every other series of these
/// families is removed. So a deleted object's or namespace's series disappear at the next scrape without
/// any bookkeeping in the reconcile, and the reconcile never touches an instrument. Label sets as
/// documented: entry point gauges by namespace, kind, name and entry point; findings by rule, severity,
/// namespace, kind and name; node shares by namespace, Service and node; config changes by namespace and
/// kind, for as long as an object of that kind is published in that namespace.
/// </summary>
public sealed class StateMetrics
{
    private readonly OperatorMetrics _metrics;
    private readonly PublishedStates _states;
    private readonly Lock _gate = new();
    private long _collected = -1;

    public StateMetrics(OperatorMetrics metrics, PublishedStates states)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        _metrics = metrics;
        _states = states;
        metrics.Registry.AddBeforeCollectCallback(Collect);
    }

    public void Collect()
    {
        // An unchanged state yields the same series: a steady cluster costs a scrape nothing to recompute.
        var version = _states.Version;
        if (version == Interlocked.Read(ref _collected))
        {
            return;
        }

        var skew = new Series();
        var blackholed = new Series();
        var findings = new Series();
        var nodeShares = new Series();
        var published = new HashSet<(string Namespace, string Kind)>();
        foreach (var state in _states.All)
        {
            var (ns, kind, name) = (state.Object.Namespace, state.Object.KindName, state.Object.Name);
            published.Add((ns, kind));
            foreach (var (entryPoint, gauges) in state.EntryPoints)
            {
                skew.Add(gauges.Skew, ns, kind, name, entryPoint);
                blackholed.Add(gauges.BlackholedShare, ns, kind, name, entryPoint);
            }

            foreach (var finding in state.Findings.Values)
            {
                findings.Add(1, finding.Current.RuleId, finding.Current.Severity.ToString().ToLowerInvariant(), ns, kind, name);
            }

            foreach (var (node, share) in state.NodeShares)
            {
                nodeShares.Add(share, ns, name, node);
            }
        }

        var configChanges = new Series();
        foreach (var (scope, count) in _states.ConfigChangeCounts(published))
        {
            configChanges.Add(count, scope.Namespace, scope.Kind);
        }

        lock (_gate)
        {
            skew.Publish(_metrics.TrafficSkew);
            blackholed.Publish(_metrics.BlackholedTraffic);
            findings.Publish(_metrics.Findings);
            nodeShares.Publish(_metrics.EndpointTrafficShare);
            configChanges.Publish(_metrics.ConfigChanges);
            Interlocked.Exchange(ref _collected, version);
        }
    }

    /// <summary>The series one family should have now, keyed by their joined label values.</summary>
    private sealed class Series
    {
        private readonly Dictionary<string, (string[] Labels, double Value)> _series = new(StringComparer.Ordinal);

        public void Add(double value, params string[] labels) => _series[string.Join('\0', labels)] = (labels, value);

        public void Publish(Gauge gauge)
        {
            RemoveOthers(gauge);
            foreach (var (labels, value) in _series.Values)
            {
                gauge.WithLabels(labels).Set(value);
            }
        }

        public void Publish(Counter counter)
        {
            RemoveOthers(counter);
            foreach (var (labels, value) in _series.Values)
            {
                counter.WithLabels(labels).IncTo(value);
            }
        }

        private void RemoveOthers<TChild>(Collector<TChild> collector)
            where TChild : ChildBase
        {
            foreach (var labels in collector.GetAllLabelValues().ToArray())
            {
                if (!_series.ContainsKey(string.Join('\0', labels)))
                {
                    collector.RemoveLabelled(labels);
                }
            }
        }
    }
}
