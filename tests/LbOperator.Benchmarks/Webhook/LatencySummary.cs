using System.Globalization;

namespace LbOperator.Benchmarks.Webhook;

/// <summary>Latency percentiles and throughput of one open-loop run.</summary>
public sealed record LatencySummary(string Target, int Sent, int Failed, double P50Ms, double P99Ms, double MaxMs, double ThroughputPerSecond)
{
    public static LatencySummary From(string target, IReadOnlyList<double> latenciesMs, int failed, TimeSpan duration)
    {
        var sorted = latenciesMs.Order().ToArray();
        return new LatencySummary(
            target,
            sorted.Length + failed,
            failed,
            Percentile(sorted, 0.50),
            Percentile(sorted, 0.99),
            sorted.Length == 0 ? double.NaN : sorted[^1],
            sorted.Length / duration.TotalSeconds);
    }

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"| {Target} | {Sent} | {Failed} | {P50Ms:0.00} | {P99Ms:0.00} | {MaxMs:0.00} | {ThroughputPerSecond:0} |");

    private static double Percentile(double[] sorted, double quantile) =>
        sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(quantile * sorted.Length) - 1)];
}
