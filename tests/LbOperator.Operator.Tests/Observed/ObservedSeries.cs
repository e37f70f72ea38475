using LbOperator.ApiEmulator.Prometheus;

namespace LbOperator.Operator.Tests.Observed;

/// <summary>
/// The recorded traffic every observed-traffic test queries: 40 minutes of 15 s samples ending two
/// minutes before the fixture starts, skewed or even per scenario, with one change at <see cref="Switch"/>.
/// Each scenario has its own namespace; endpoints are named as <c>ApiObjects.Slice</c> names them.
/// </summary>
internal static class ObservedSeries
{
    public const string Bytes = "container_network_receive_bytes_total";
    public const string Requests = "http_requests_total";

    /// <summary>A Service's own query, as the annotation carries it.</summary>
    public const string RequestQuery = "sum by (pod) (rate(http_requests_total{namespace=\"$namespace\", service=\"$service\"}[$window]))";

    /// <summary>The same without <c>by (pod)</c>: a configuration error.</summary>
    public const string RequestQueryWithoutPod = "sum(rate(http_requests_total{namespace=\"$namespace\", service=\"$service\"}[$window]))";

    public static readonly DateTimeOffset End = Minute(DateTimeOffset.UtcNow) - TimeSpan.FromMinutes(2);

    public static readonly DateTimeOffset Start = End - TimeSpan.FromMinutes(40);

    public static readonly DateTimeOffset Switch = Start + TimeSpan.FromMinutes(20);

    /// <summary>The first time whose 5 m window holds only the first phase.</summary>
    public static readonly DateTimeOffset FirstPhase = Start + TimeSpan.FromMinutes(6);

    /// <summary>The first time whose 5 m window holds only the second phase.</summary>
    public static readonly DateTimeOffset SecondPhase = Switch + TimeSpan.FromMinutes(6);

    public static OpenMetricsSeries Build()
    {
        var series = new OpenMetricsSeries(Start, End, TimeSpan.FromSeconds(15));
        // obs/web: even by configuration, one pod takes five times the others' bytes.
        Pods(series, Bytes, "obs", "web-abc", 5000, 1000, 1000, 1000);
        // obs/local: externalTrafficPolicy Local with 3 pods on node-1 and 1 on node-2; observed as configured.
        Pods(series, Bytes, "obs", "local-abc", 1000, 1000, 1000, 3000);
        // obs/quiet: 40 B/s in all, below the 1 KiB/s minimum.
        Pods(series, Bytes, "obs", "quiet-abc", 10, 10, 10, 10);
        // obs/checkout: even bytes, but its own request metric shows one hot pod.
        Pods(series, Bytes, "obs", "checkout-abc", 1000, 1000, 1000, 1000);
        Requests4(series, "obs", "checkout", "checkout-abc", 30, 5, 5, 5);
        Requests4(series, "obs", "nopod", "nopod-abc", 5, 5, 5, 5);
        // live/web: skewed until the switch, even afterwards.
        for (var i = 0; i < 4; i++)
        {
            var skewed = i == 0 ? 6000.0 : 1000.0;
            series.Counter(Bytes, Labels("live", $"web-abc-pod-{i}"), t => t < Switch ? skewed : 2000);
        }

        return series;
    }

    private static void Pods(OpenMetricsSeries series, string metric, string ns, string slice, params double[] rates)
    {
        for (var i = 0; i < rates.Length; i++)
        {
            var rate = rates[i];
            series.Counter(metric, Labels(ns, $"{slice}-pod-{i}"), _ => rate);
        }
    }

    private static void Requests4(OpenMetricsSeries series, string ns, string service, string slice, params double[] rates)
    {
        for (var i = 0; i < rates.Length; i++)
        {
            var rate = rates[i];
            var labels = new Dictionary<string, string> { ["namespace"] = ns, ["service"] = service, ["pod"] = $"{slice}-pod-{i}" };
            series.Counter(Requests, labels, _ => rate);
        }
    }

    private static Dictionary<string, string> Labels(string ns, string pod) => new() { ["namespace"] = ns, ["pod"] = pod };

    private static DateTimeOffset Minute(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero);
}
