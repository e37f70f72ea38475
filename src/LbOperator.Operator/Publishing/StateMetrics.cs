using LbOperator.Core.Analysis;
using LbOperator.Runtime.Metrics;

namespace LbOperator.Operator.Publishing;

/// <summary>
/// Writes the per-object series from <see cref="PublishedStates"/> into the exposition each time Prometheus
/// scrapes, with no instrument behind them: what is published is written, nothing else, so a deleted
/// object's or namespace's series disappear at the next scrape without any bookkeeping in the reconcile.
/// Label sets as documented: entry point gauges by namespace, kind, name and entry point; findings by rule,
/// severity, namespace, kind and name; node shares by namespace, Service and node; config changes by
/// namespace and kind, for as long as an object of that kind is published in that namespace.
/// </summary>
public sealed class StateMetrics(PublishedStates published) : IScrapeWriter
{
    public static readonly ScrapedFamily TrafficSkew = new("lb_operator_traffic_skew_ratio",
        "Max endpoint share divided by the even share (1.0 = perfectly even).", "gauge", "namespace", "kind", "name", "entry_point");

    public static readonly ScrapedFamily BlackholedTraffic = new("lb_operator_blackholed_traffic_ratio",
        "Fraction of an entry point's traffic sent to no ready endpoint.", "gauge", "namespace", "kind", "name", "entry_point");

    public static readonly ScrapedFamily Findings = new("lb_operator_findings",
        "1 while a finding is present on an object.", "gauge", "rule", "severity", "namespace", "kind", "name");

    public static readonly ScrapedFamily EndpointTrafficShare = new("lb_operator_endpoint_traffic_share",
        "Share of a Service's traffic received by the endpoints on one node.", "gauge", "namespace", "service", "node");

    public static readonly ScrapedFamily ConfigChanges = new("lb_operator_config_changes_total",
        "Load-balancing configuration changes observed.", "counter", "namespace", "kind");

    public async Task WriteAsync(ExpositionWriter writer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(writer);
        // One snapshot for every family, so they agree with each other within a scrape.
        var states = published.All.ToArray();
        writer.Begin(TrafficSkew);
        foreach (var state in states)
        {
            foreach (var (entryPoint, gauges) in state.EntryPoints)
            {
                writer.Sample(TrafficSkew, gauges.Skew, state.Object.Namespace, state.Object.KindName, state.Object.Name, entryPoint);
            }

            await writer.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }

        writer.Begin(BlackholedTraffic);
        foreach (var state in states)
        {
            foreach (var (entryPoint, gauges) in state.EntryPoints)
            {
                writer.Sample(BlackholedTraffic, gauges.BlackholedShare, state.Object.Namespace, state.Object.KindName, state.Object.Name, entryPoint);
            }

            await writer.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }

        writer.Begin(Findings);
        foreach (var state in states)
        {
            foreach (var finding in state.Findings.Values)
            {
                writer.Sample(Findings, 1, finding.Current.RuleId, SeverityLabel(finding.Current.Severity),
                    state.Object.Namespace, state.Object.KindName, state.Object.Name);
            }

            await writer.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }

        writer.Begin(EndpointTrafficShare);
        foreach (var state in states)
        {
            foreach (var (node, share) in state.NodeShares)
            {
                writer.Sample(EndpointTrafficShare, share, state.Object.Namespace, state.Object.Name, node);
            }

            await writer.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }

        writer.Begin(ConfigChanges);
        var scopes = states.Select(state => (state.Object.Namespace, state.Object.KindName)).ToHashSet();
        foreach (var (scope, count) in published.ConfigChangeCounts(scopes))
        {
            writer.Sample(ConfigChanges, count, scope.Namespace, scope.Kind);
            await writer.FlushIfFullAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The <c>severity</c> label: the lower-case name, without a string per finding per scrape.</summary>
    private static string SeverityLabel(Severity severity) => severity switch
    {
        Severity.Info => "info",
        Severity.Warning => "warning",
        Severity.Error => "error",
        _ => severity.ToString().ToLowerInvariant(),
    };
}
