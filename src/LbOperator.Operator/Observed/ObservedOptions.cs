using LbOperator.Kubernetes.Observed;

namespace LbOperator.Operator.Observed;

/// <summary>
/// The <c>LbOperator:Observed</c> section: comparing observed traffic (from Prometheus) with the model.
/// Off while <see cref="PrometheusUrl"/> is empty. Durations accept <c>1m</c> as well as <c>00:01:00</c>.
/// </summary>
public sealed class ObservedOptions
{
    public const string SectionName = "LbOperator:Observed";

    /// <summary>Prometheus base URL (<c>http://prometheus.monitoring:9090</c>); empty turns the feature off.</summary>
    public string PrometheusUrl { get; set; } = "";

    /// <summary>How often the queries run.</summary>
    public string Interval { get; set; } = "1m";

    /// <summary>The rate window, substituted for <c>$window</c> in the queries.</summary>
    public string Window { get; set; } = "5m";

    /// <summary>The cluster-wide query: one series per Pod with <c>namespace</c> and <c>pod</c> labels.</summary>
    public string Query { get; set; } = ObservedQueries.DefaultClusterQuery;

    /// <summary>Below this total an entry point is idle and not judged; unset: 1024 (bytes/s) for <see cref="Query"/>, 1 (requests/s) for a Service's own query.</summary>
    public double? MinRate { get; set; }

    /// <summary>Consecutive intervals an observation must hold before LB007 is raised or cleared.</summary>
    public int SustainFor { get; set; } = 3;

    /// <summary>Per-Service queries (annotation <c>lb-operator.io/observed-query</c>) sent per interval at most.</summary>
    public int MaxQueriesPerInterval { get; set; } = 50;

    public bool Enabled => !string.IsNullOrWhiteSpace(PrometheusUrl);

    /// <summary>The parsed interval; call after validation.</summary>
    public TimeSpan IntervalValue => GoDuration.TryParse(Interval, out var value) ? value : TimeSpan.FromMinutes(1);

    /// <summary>The parsed window; call after validation.</summary>
    public TimeSpan WindowValue => GoDuration.TryParse(Window, out var value) ? value : TimeSpan.FromMinutes(5);

    /// <summary>Findings are dropped once Prometheus has not answered for three intervals.</summary>
    public TimeSpan StaleAfter => IntervalValue * 3;

    public ObservedSettings ToSettings() => new(Query, WindowValue, MinRate, MaxQueriesPerInterval);
}
