using LbOperator.Core.Model;
using LbOperator.Kubernetes.Observed;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Observed;

/// <summary>The Prometheus client and the collector against a real Prometheus serving <see cref="ObservedSeries"/>.</summary>
public sealed class ObservedRatesCollectorTests(PrometheusFixture prometheus) : IClassFixture<PrometheusFixture>
{
    [PrometheusFact]
    public async Task An_instant_query_returns_one_sample_per_series_at_the_time_asked()
    {
        using var http = new HttpClient();
        var client = new PrometheusClient(http, prometheus.Server.Url);

        var samples = await client.QueryAsync(
            "sum by (namespace, pod) (rate(container_network_receive_bytes_total{namespace=\"live\"}[5m]))", ObservedSeries.SecondPhase, CancellationToken.None);

        Assert.Equal(4, samples.Count);
        Assert.All(samples, sample => Assert.Equal(2000, sample.Value, 6));
    }

    [PrometheusFact]
    public async Task A_bad_query_is_a_query_exception_with_prometheus_own_error()
    {
        using var http = new HttpClient();
        var client = new PrometheusClient(http, prometheus.Server.Url);

        var error = await Assert.ThrowsAsync<PrometheusQueryException>(() => client.QueryAsync("sum by (pod (", ObservedSeries.SecondPhase, CancellationToken.None));

        Assert.Contains("bad_data", error.Message, StringComparison.Ordinal);
    }

    [PrometheusFact]
    public async Task Per_service_queries_are_capped_per_interval_and_a_service_keeps_its_last_result_between_turns()
    {
        using var http = new HttpClient();
        var collector = new ObservedRatesCollector(
            new PrometheusClient(http, prometheus.Server.Url),
            new ObservedSettings(ObservedQueries.DefaultClusterQuery, TimeSpan.FromMinutes(5), null, MaxQueriesPerInterval: 1));
        var own = new Dictionary<string, string> { [ObservedQueries.Annotation] = ObservedSeries.RequestQuery };
        var view = new InMemoryClusterView(
            [
                new ServiceInfo("obs", "checkout", ServiceType.ClusterIP, TrafficPolicy.Cluster, TrafficPolicy.Cluster, null, SessionAffinity.None, own),
                new ServiceInfo("obs", "nopod", ServiceType.ClusterIP, TrafficPolicy.Cluster, TrafficPolicy.Cluster, null, SessionAffinity.None, own),
            ],
            [], [], [], []);

        var first = await collector.CollectAsync(view, ObservedSeries.FirstPhase, CancellationToken.None);
        var second = await collector.CollectAsync(view, ObservedSeries.FirstPhase, CancellationToken.None);

        Assert.Equal((2, 2), (first.QueriesRun, second.QueriesRun));
        Assert.True(first.Rates.SourceFor("obs", "checkout").Available);
        Assert.False(first.Rates.SourceFor("obs", "nopod").Available);
        Assert.Equal(30, second.Rates.SourceFor("obs", "checkout").Rates[new PodRef("obs", "checkout-abc-pod-0")], 6);
        Assert.Equal(5, second.Rates.SourceFor("obs", "nopod").Rates[new PodRef("obs", "nopod-abc-pod-0")], 6);
        Assert.Equal(5000, second.Rates.ClusterSource.Rates[new PodRef("obs", "web-abc-pod-0")], 6);
    }
}
