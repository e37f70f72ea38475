using LbOperator.Runtime.Metrics;
using Prometheus;

namespace LbOperator.Runtime.Events;

/// <summary>The Event recorder's instruments.</summary>
public sealed class EventMetrics(MetricsExposition exposition)
{
    public Counter Emitted { get; } = exposition.Factory.CreateCounter("lb_operator_events_total",
        "Kubernetes Events written, by reason.", ["reason"]);

    public Counter Dropped { get; } = exposition.Factory.CreateCounter("lb_operator_events_dropped_total",
        "Events not written: the Event queue was full, or the write failed after its retries.");
}
