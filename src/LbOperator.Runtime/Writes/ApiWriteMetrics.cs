using LbOperator.Runtime.Metrics;
using Prometheus;

namespace LbOperator.Runtime.Writes;

/// <summary>The API write gates' instruments, shared by every gate of the process.</summary>
public sealed class ApiWriteMetrics(MetricsExposition exposition)
{
    public Counter Retries { get; } = exposition.Factory.CreateCounter("lb_operator_api_request_retries_total",
        "Retries of API writes after 429, 5xx or timeouts.", ["operation"]);
}
