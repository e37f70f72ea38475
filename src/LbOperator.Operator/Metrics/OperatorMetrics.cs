using System.Text;
using Prometheus;

namespace LbOperator.Operator.Metrics;

/// <summary>
/// Owns every Prometheus instrument the process exports. Label sets are bounded: objects, rules and
/// nodes, never pods. Built on an injected registry so tests never share state.
/// </summary>
public sealed class OperatorMetrics
{
    private readonly List<Func<ExpositionWriter, CancellationToken, Task>> _scrapeWriters = [];
    private readonly Lock _gate = new();

    public OperatorMetrics(CollectorRegistry registry)
    {
        Registry = registry;
        var factory = Prometheus.Metrics.WithCustomRegistry(registry);

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

    /// <summary>
    /// Adds families a component writes from its state at each scrape, after the registry's own; the
    /// component keeps their names and help next to the state they describe.
    /// </summary>
    public void AddScrapeWriter(Func<ExpositionWriter, CancellationToken, Task> write)
    {
        lock (_gate)
        {
            _scrapeWriters.Add(write);
        }
    }

    /// <summary>The whole <c>/metrics</c> exposition (text format 0.0.4): the registry's instruments, then the scrape writers' families.</summary>
    public async Task ExportAsync(Stream destination, CancellationToken cancellationToken)
    {
        await Registry.CollectAndExportAsTextAsync(destination, cancellationToken).ConfigureAwait(false);
        Func<ExpositionWriter, CancellationToken, Task>[] writers;
        lock (_gate)
        {
            writers = [.. _scrapeWriters];
        }

        var text = new StreamWriter(destination, new UTF8Encoding(false), 1 << 15, leaveOpen: true);
        await using (text.ConfigureAwait(false))
        {
            var writer = new ExpositionWriter(text);
            foreach (var write in writers)
            {
                await write(writer, cancellationToken).ConfigureAwait(false);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
            await text.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

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
