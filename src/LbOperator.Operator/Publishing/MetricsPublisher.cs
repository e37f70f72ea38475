using LbOperator.Core.Model;
using LbOperator.Operator.Metrics;

namespace LbOperator.Operator.Publishing;

/// <summary>
/// Moves the Prometheus series of one object from its previous published state to the new one: sets
/// what is present and removes the series of entry points, findings and nodes that are gone, so the
/// series of deleted objects do not linger.
/// </summary>
public sealed class MetricsPublisher
{
    private readonly OperatorMetrics _metrics;

    public MetricsPublisher(OperatorMetrics metrics) => _metrics = metrics;

    /// <param name="after">Null when the object is gone: every series of it is removed.</param>
    public void Publish(ObjectRef key, PublishedState? before, PublishedState? after)
    {
        ArgumentNullException.ThrowIfNull(key);
        var ns = key.Namespace;
        var kind = key.KindName;

        foreach (var (entryPoint, gauges) in after?.EntryPoints ?? Empty<EntryPointGauges>())
        {
            _metrics.TrafficSkew.WithLabels(ns, kind, key.Name, entryPoint).Set(gauges.Skew);
            _metrics.BlackholedTraffic.WithLabels(ns, kind, key.Name, entryPoint).Set(gauges.BlackholedShare);
        }

        foreach (var entryPoint in (before?.EntryPoints.Keys ?? []).Except(after?.EntryPoints.Keys ?? []))
        {
            _metrics.TrafficSkew.RemoveLabelled(ns, kind, key.Name, entryPoint);
            _metrics.BlackholedTraffic.RemoveLabelled(ns, kind, key.Name, entryPoint);
        }

        var findingSeries = FindingSeries(after);
        foreach (var (rule, severity) in findingSeries)
        {
            _metrics.Findings.WithLabels(rule, severity, ns, kind, key.Name).Set(1);
        }

        foreach (var (rule, severity) in FindingSeries(before).Except(findingSeries))
        {
            _metrics.Findings.RemoveLabelled(rule, severity, ns, kind, key.Name);
        }

        foreach (var (node, share) in after?.NodeShares ?? Empty<double>())
        {
            _metrics.EndpointTrafficShare.WithLabels(ns, key.Name, node).Set(share);
        }

        foreach (var node in (before?.NodeShares.Keys ?? []).Except(after?.NodeShares.Keys ?? []))
        {
            _metrics.EndpointTrafficShare.RemoveLabelled(ns, key.Name, node);
        }
    }

    /// <summary>Counts one observed load-balancing configuration change of the object.</summary>
    public void CountConfigChange(ObjectRef key) => _metrics.ConfigChanges.WithLabels(key.Namespace, key.KindName).Inc();

    /// <summary>The findings gauge has no entry point label: one series per rule and severity.</summary>
    private static HashSet<(string Rule, string Severity)> FindingSeries(PublishedState? state) =>
        state?.Findings.Values.Select(finding => (finding.Current.RuleId, finding.Current.Severity.ToString().ToLowerInvariant())).ToHashSet() ?? [];

    private static IReadOnlyDictionary<string, T> Empty<T>() => new Dictionary<string, T>();
}
