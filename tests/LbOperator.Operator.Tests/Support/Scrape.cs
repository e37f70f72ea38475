using System.Text;
using LbOperator.ApiEmulator.Prometheus;
using LbOperator.Runtime.Metrics;

namespace LbOperator.Operator.Tests.Support;

/// <summary>Runs a Prometheus scrape and reads back the exposition <c>/metrics</c> would serve now.</summary>
internal static class Scrape
{
    public static Exposition Now(MetricsExposition exposition)
    {
        ArgumentNullException.ThrowIfNull(exposition);
        using var buffer = new MemoryStream();
        exposition.ExportAsync(buffer, CancellationToken.None).GetAwaiter().GetResult();
        return Exposition.Parse(Encoding.UTF8.GetString(buffer.ToArray()));
    }
}
