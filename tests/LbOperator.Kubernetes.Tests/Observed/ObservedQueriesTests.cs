using LbOperator.Core.Model;
using LbOperator.Kubernetes.Observed;

namespace LbOperator.Kubernetes.Tests.Observed;

public sealed class ObservedQueriesTests
{
    [Fact]
    public void A_service_query_gets_its_namespace_service_and_window()
    {
        var query = ObservedQueries.Expand(
            "sum by (pod) (rate(http_requests_total{namespace=\"$namespace\", service=\"$service\"}[$window]))", "shop", "checkout", TimeSpan.FromMinutes(5));

        Assert.Equal("sum by (pod) (rate(http_requests_total{namespace=\"shop\", service=\"checkout\"}[5m]))", query);
    }

    [Fact]
    public void The_default_cluster_query_is_bytes_received_per_pod_over_the_window()
    {
        Assert.Equal(
            "sum by (namespace, pod) (rate(container_network_receive_bytes_total{pod!=\"\"}[5m]))",
            ObservedQueries.ExpandCluster(ObservedQueries.DefaultClusterQuery, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void Series_for_the_same_pod_add_up_and_a_missing_namespace_is_the_services()
    {
        PrometheusSample[] samples =
        [
            new(Labels(("namespace", "shop"), ("pod", "web-0")), 10),
            new(Labels(("namespace", "shop"), ("pod", "web-0"), ("interface", "eth1")), 5),
            new(Labels(("pod", "web-1")), 7),
            new(Labels(("namespace", "shop"), ("pod", "web-2")), double.NaN),
        ];

        var (rates, lacksPod) = PodRates.Read(samples, defaultNamespace: "shop");

        Assert.False(lacksPod);
        Assert.Equal(15, rates[new PodRef("shop", "web-0")]);
        Assert.Equal(7, rates[new PodRef("shop", "web-1")]);
        Assert.False(rates.ContainsKey(new PodRef("shop", "web-2")));
    }

    [Fact]
    public void The_cluster_query_needs_a_namespace_label()
    {
        var (rates, _) = PodRates.Read([new PrometheusSample(Labels(("pod", "web-1")), 7)], defaultNamespace: null);

        Assert.Empty(rates);
    }

    [Theory]
    [InlineData(0, false)]
    [InlineData(2, true)]
    public void Series_without_any_pod_label_are_a_configuration_error_but_no_series_is_not(int count, bool error)
    {
        var samples = Enumerable.Range(0, count).Select(i => new PrometheusSample(Labels(("namespace", "shop"), ("service", $"s{i}")), 1)).ToList();

        Assert.Equal(error, PodRates.Read(samples, "shop").LacksPodLabel);
    }

    private static Dictionary<string, string> Labels(params (string Key, string Value)[] pairs) => pairs.ToDictionary(p => p.Key, p => p.Value);
}
