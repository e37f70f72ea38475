using LbOperator.Runtime.Metrics;
using Prometheus;

namespace LbOperator.Webhook.Metrics;

/// <summary>The admission webhook's instruments. Label sets are bounded: kinds, operations and decisions.</summary>
public sealed class WebhookMetrics(MetricsExposition exposition)
{
    public Counter AdmissionRequests { get; } = exposition.Factory.CreateCounter("lb_operator_admission_requests_total",
        "Admission reviews answered.", ["kind", "operation", "decision"]);

    public Histogram AdmissionDuration { get; } = exposition.Factory.CreateHistogram("lb_operator_admission_duration_seconds",
        "Time to answer one admission review.", new HistogramConfiguration
        {
            LabelNames = ["kind"],
            Buckets = Histogram.ExponentialBuckets(0.0001, 2, 16),
        });
}
