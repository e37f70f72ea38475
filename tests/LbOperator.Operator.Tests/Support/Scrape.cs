using System.Text;
using LbOperator.Operator.Metrics;

namespace LbOperator.Operator.Tests.Support;

/// <summary>Runs a Prometheus scrape and reads back the exposition <c>/metrics</c> would serve now.</summary>
internal static class Scrape
{
    public static Exposition Now(OperatorMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        using var buffer = new MemoryStream();
        metrics.ExportAsync(buffer, CancellationToken.None).GetAwaiter().GetResult();
        return Exposition.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
