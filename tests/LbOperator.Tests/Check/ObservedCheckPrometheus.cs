using LbOperator.ApiEmulator.Prometheus;

namespace LbOperator.Tests.Check;

/// <summary>
/// One real Prometheus for the <c>check --prometheus-url</c> tests, over 28 minutes of recorded traffic
/// in namespace shop ending at <see cref="At"/>, the time the tests' clock gives. Its data never changes,
/// so tests share it safely.
/// </summary>
public sealed class ObservedCheckPrometheus : IAsyncLifetime
{
    /// <summary>A Service's own query, as its annotation carries it.</summary>
    public const string RequestQuery = "sum by (pod) (rate(http_requests_total{namespace=\"$namespace\", service=\"$service\"}[$window]))";

    private const string Bytes = "container_network_receive_bytes_total";

    private PrometheusServer? _server;

    public static DateTimeOffset At { get; } = Minute(DateTimeOffset.UtcNow) - TimeSpan.FromMinutes(2);

    public Uri Url => (_server ?? throw new InvalidOperationException(PrometheusBinaries.MissingReason)).Url;

    public async Task InitializeAsync()
    {
        if (PrometheusBinaries.Present)
        {
            _server = await PrometheusServer.StartAsync(Series());
        }
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    private static OpenMetricsSeries Series()
    {
        var series = new OpenMetricsSeries(At - TimeSpan.FromMinutes(28), At, TimeSpan.FromSeconds(15));
        // web: even by configuration, web-1 takes five times the bytes of each other pod.
        Pods(series, Bytes, "web", null, 5000, 1000, 1000, 1000);
        // checkout: externalTrafficPolicy Local with three pods on node-a and one on node-b, observed as configured.
        Pods(series, Bytes, "checkout", null, 1000, 1000, 1000, 3000);
        // api: even bytes, but its own request metric shows api-1 hot.
        Pods(series, Bytes, "api", null, 1000, 1000, 1000, 1000);
        Pods(series, "http_requests_total", "api", "api", 30, 5, 5, 5);
        // quiet: 40 B/s in all, below the 1 KiB/s minimum.
        Pods(series, Bytes, "quiet", null, 10, 10, 10, 10);
        return series;
    }

    private static void Pods(OpenMetricsSeries series, string metric, string prefix, string? service, params double[] rates)
    {
        for (var i = 0; i < rates.Length; i++)
        {
            var rate = rates[i];
            var labels = new Dictionary<string, string> { ["namespace"] = "shop", ["pod"] = $"{prefix}-{i + 1}" };
            if (service is not null)
            {
                labels["service"] = service;
            }

            series.Counter(metric, labels, _ => rate);
        }
    }

    private static DateTimeOffset Minute(DateTimeOffset time) => new(time.Year, time.Month, time.Day, time.Hour, time.Minute, 0, TimeSpan.Zero);
}
