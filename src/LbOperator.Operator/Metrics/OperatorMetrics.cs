using Prometheus;

namespace LbOperator.Operator.Metrics;

/// <summary>
/// Owns every Prometheus instrument the process exports. Label sets are bounded: objects, rules and
/// nodes, never pods. Built on an injected registry so tests never share state.
/// </summary>
public sealed class OperatorMetrics
{
    private static readonly string[] EntryPointLabels = ["namespace", "kind", "name", "entry_point"];

    public OperatorMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);

        TrafficSkew = factory.CreateGauge("lb_operator_traffic_skew_ratio",
            "Max endpoint share divided by the even share (1.0 = perfectly even).", EntryPointLabels);
        BlackholedTraffic = factory.CreateGauge("lb_operator_blackholed_traffic_ratio",
            "Fraction of an entry point's traffic sent to no ready endpoint.", EntryPointLabels);
        Findings = factory.CreateGauge("lb_operator_findings",
            "1 while a finding is present on an object.", "rule", "severity", "namespace", "kind", "name");
        EndpointTrafficShare = factory.CreateGauge("lb_operator_endpoint_traffic_share",
            "Share of a Service's traffic received by the endpoints on one node.", "namespace", "service", "node");
        ConfigChanges = factory.CreateCounter("lb_operator_config_changes_total",
            "Load-balancing configuration changes observed.", "namespace", "kind");
        ReconcileDuration = factory.CreateHistogram("lb_operator_reconcile_duration_seconds",
            "Time spent in one reconcile.", new HistogramConfiguration
            {
                LabelNames = ["kind"],
                Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16),
            });
        ReconcileErrors = factory.CreateCounter("lb_operator_reconcile_errors_total",
            "Reconciles that ended in an error and were retried.", "kind");
        QueueDepth = factory.CreateGauge("lb_operator_workqueue_depth", "Keys waiting in the work queue.");
        WatchRestarts = factory.CreateCounter("lb_operator_watch_restarts_total",
            "Watches restarted, by resource and reason (closed, expired, silent, error).", "resource", "reason");
        IsLeader = factory.CreateGauge("lb_operator_leader", "1 while this replica holds the leader lease.");
        LastFullAudit = factory.CreateGauge("lb_operator_last_full_audit_timestamp_seconds",
            "Unix time at which the last full audit of every object finished.");
        EventsEmitted = factory.CreateCounter("lb_operator_events_total",
            "Kubernetes Events written, by reason.", "reason");
        EventsDropped = factory.CreateCounter("lb_operator_events_dropped_total",
            "Events not written: the Event queue was full, or the write failed after its retries.");
        ApiRequestRetries = factory.CreateCounter("lb_operator_api_request_retries_total",
            "Retries of API writes after 429, 5xx or timeouts.", "operation");
        AdmissionRequests = factory.CreateCounter("lb_operator_admission_requests_total",
            "Admission reviews answered.", "kind", "operation", "decision");
        AdmissionDuration = factory.CreateHistogram("lb_operator_admission_duration_seconds",
            "Time to answer one admission review.", new HistogramConfiguration
            {
                LabelNames = ["kind"],
                Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16),
            });
    }

    public CollectorRegistry Registry { get; }

    public Gauge TrafficSkew { get; }

    public Gauge BlackholedTraffic { get; }

    public Gauge Findings { get; }

    public Gauge EndpointTrafficShare { get; }

    public Counter ConfigChanges { get; }

    public Histogram ReconcileDuration { get; }

    public Counter ReconcileErrors { get; }

    public Gauge QueueDepth { get; }

    public Counter WatchRestarts { get; }

    public Gauge IsLeader { get; }

    public Gauge LastFullAudit { get; }

    public Counter EventsEmitted { get; }

    public Counter EventsDropped { get; }

    public Counter ApiRequestRetries { get; }

    public Counter AdmissionRequests { get; }

    public Histogram AdmissionDuration { get; }
}
