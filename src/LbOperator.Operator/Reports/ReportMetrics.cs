using Prometheus;

namespace LbOperator.Operator.Reports;

/// <summary>The report writer's instruments.</summary>
public sealed class ReportMetrics(CollectorRegistry registry)
{
    /// <summary>Reports written, by API resource (<c>policyreports.wgpolicyk8s.io</c>, <c>reports.openreports.io</c>) and operation (create, update, delete).</summary>
    public Counter ReportWrites { get; } = Prometheus.Metrics.WithCustomRegistry(registry).CreateCounter("lb_operator_report_writes_total",
        "PolicyReport and Report writes, by API resource and operation (create, update, delete).", "resource", "operation");

    /// <summary>
    /// Set by the leader when a pass leaves every report in line with the audit and nothing is left to do:
    /// the caches are synced and every audited object has been reconciled.
    /// </summary>
    public Gauge LastInSync { get; } = Prometheus.Metrics.WithCustomRegistry(registry).CreateGauge("lb_operator_reports_in_sync_timestamp_seconds",
        "Unix time at which the leader last had every report in line with the audit.");
}
