using LbOperator.Runtime.Metrics;
using Prometheus;

namespace LbOperator.Operator.Metrics;

/// <summary>
/// The controller runtime's instruments: reconciles, the work queue, watches, leadership and the full
/// audit. Label sets are bounded: kinds, resources and reasons, never objects or pods.
/// </summary>
public sealed class OperatorMetrics
{
    public OperatorMetrics(MetricsExposition exposition)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        var factory = exposition.Factory;

        ReconcileDuration = factory.CreateHistogram("lb_operator_reconcile_duration_seconds",
            "Time spent in one reconcile.", new HistogramConfiguration
            {
                LabelNames = ["kind"],
                Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16),
            });
        ReconcileErrors = factory.CreateCounter("lb_operator_reconcile_errors_total",
            "Reconciles that ended in an error and were retried.", ["kind"]);
        QueueDepth = factory.CreateGauge("lb_operator_workqueue_depth", "Keys waiting in the work queue.");
        WatchRestarts = factory.CreateCounter("lb_operator_watch_restarts_total",
            "Watches restarted, by resource and reason (closed, expired, silent, error).", ["resource", "reason"]);
        IsLeader = factory.CreateGauge("lb_operator_leader", "1 while this replica holds the leader lease.");
        LastFullAudit = factory.CreateGauge("lb_operator_last_full_audit_timestamp_seconds",
            "Unix time at which the last full audit of every object finished.");
    }

    public Histogram ReconcileDuration { get; }

    public Counter ReconcileErrors { get; }

    public Gauge QueueDepth { get; }

    public Counter WatchRestarts { get; }

    public Gauge IsLeader { get; }

    public Gauge LastFullAudit { get; }
}
