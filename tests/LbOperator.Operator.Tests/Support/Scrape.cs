using LbOperator.Operator.Metrics;

namespace LbOperator.Operator.Tests.Support;

/// <summary>Runs a Prometheus collection, so the series computed at scrape time are what the instruments hold.</summary>
internal static class Scrape
{
    public static OperatorMetrics Now(OperatorMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        metrics.Registry.CollectAndExportAsTextAsync(Stream.Null).GetAwaiter().GetResult();
        return metrics;
    }
}
