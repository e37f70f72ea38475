using LbOperator.Core.Model;
using LbOperator.Core.Observed;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;
using static LbOperator.Core.Tests.Observed.ObservedWorld;

namespace LbOperator.Core.Tests.Observed;

public sealed class ObservedComparerTests
{
    private static readonly InMemoryClusterView FourPods = new ClusterBuilder().WithPods("web", "node-a", "node-a", "node-b", "node-b").Build();

    [Theory]
    [InlineData(1000, 1000, 1000, 1000, 1.0, "web-0", 0.0)]
    [InlineData(5000, 1000, 1000, 1000, 2.5, "web-0", 0.375)]
    [InlineData(1000, 1000, 1000, 5000, 2.5, "web-3", 0.375)]
    [InlineData(3000, 1000, 0, 0, 3.0, "web-0", 0.5)]
    [InlineData(2000, 2000, 0, 0, 2.0, "web-0", 0.25)]
    public void Observed_skew_is_the_largest_observed_share_over_the_even_share_and_the_gap_is_measured_against_the_expected_share(
        double rate0, double rate1, double rate2, double rate3, double skew, string largestGap, double gap)
    {
        var rates = ClusterRates(1024, ("web-0", rate0), ("web-1", rate1), ("web-2", rate2), ("web-3", rate3));

        var comparison = ObservedComparer.Compare(Entry(FourPods, ServiceRef("web")), rates);

        Assert.Equal(ObservedStatus.Judged, comparison.Status);
        var spread = comparison.Spread!;
        Assert.Equal(skew, spread.Skew, 9);
        Assert.Equal(rate0 + rate1 + rate2 + rate3, spread.TotalRate);
        Assert.Equal(largestGap, spread.LargestGap.Expected.Endpoint);
        Assert.Equal(gap, Math.Abs(spread.LargestGap.Gap), 9);
        Assert.Equal(1.0, spread.Endpoints.Sum(e => e.Share), 9);
        Assert.True(spread.ByClusterQuery);
    }

    [Fact]
    public void Endpoints_are_sorted_by_observed_share_and_a_pod_without_a_series_received_nothing()
    {
        var rates = ClusterRates(1, ("web-2", 300), ("web-1", 100));

        var spread = ObservedComparer.Compare(Entry(FourPods, ServiceRef("web")), rates).Spread!;

        Assert.Equal(["web-2", "web-1", "web-0", "web-3"], spread.Endpoints.Select(e => e.Expected.Endpoint));
        Assert.Equal([0.75, 0.25, 0, 0], spread.Endpoints.Select(e => e.Share));
        Assert.Equal(3.0, spread.Skew);
    }

    [Theory]
    [InlineData(100, 1024)]
    [InlineData(0, 0)]
    [InlineData(1023.9, 1024)]
    public void An_entry_point_below_the_minimum_rate_is_idle(double total, double minRate)
    {
        var rates = ClusterRates(minRate, ("web-0", total));

        Assert.Equal(ObservedStatus.Idle, ObservedComparer.Compare(Entry(FourPods, ServiceRef("web")), rates).Status);
    }

    [Fact]
    public void An_endpoint_that_is_not_a_pod_cannot_be_compared()
    {
        var view = new ClusterBuilder().With(Service("db")).With(Slice("db", "db-abc", Endpoint("10.0.0.1", "node-a"), Pod("db-1", "node-b"))).Build();

        var comparison = ObservedComparer.Compare(Entry(view, ServiceRef("db")), ClusterRates(1, ("db-1", 5000)));

        Assert.Equal(ObservedStatus.NotComparable, comparison.Status);
    }

    [Fact]
    public void A_failed_query_makes_the_entry_point_unavailable()
    {
        var rates = new ObservedRates(ObservedSource.Failed(isClusterQuery: true), new Dictionary<(string, string), ObservedSource>());

        Assert.Equal(ObservedStatus.Unavailable, ObservedComparer.Compare(Entry(FourPods, ServiceRef("web")), rates).Status);
    }

    [Fact]
    public void A_service_with_its_own_query_is_measured_by_it_with_its_own_minimum()
    {
        var own = new ObservedSource(IsClusterQuery: false, ToPods([("web-0", 3), ("web-1", 1)]), MinRate: 1);
        var rates = new ObservedRates(
            new ObservedSource(IsClusterQuery: true, ToPods([("web-0", 5000), ("web-1", 5000), ("web-2", 5000), ("web-3", 5000)]), 1024),
            new Dictionary<(string, string), ObservedSource> { [(Namespace, "web")] = own });

        var spread = ObservedComparer.Compare(Entry(FourPods, ServiceRef("web")), rates).Spread!;

        Assert.False(spread.ByClusterQuery);
        Assert.Equal(3.0, spread.Skew);
    }

    [Fact]
    public void An_ingress_canary_is_judged_through_both_backends_pods_with_the_weights_in_the_expected_shares()
    {
        var canary = Annotations(("nginx.ingress.kubernetes.io/canary", "true"), ("nginx.ingress.kubernetes.io/canary-weight", "20"));
        var view = new ClusterBuilder()
            .WithPods("web", "node-a", "node-a", "node-b", "node-b")
            .WithPods("web-canary", "node-b")
            .With(Ingress("web", "shop.example.com", "/", "web"))
            .With(Ingress("web-canary", "shop.example.com", "/", "web-canary", annotations: canary))
            .Build();
        var rates = ClusterRates(1, ("web-0", 200), ("web-1", 200), ("web-2", 200), ("web-3", 200), ("web-canary-0", 1200));

        var spread = ObservedComparer.Compare(Entry(view, IngressRef("web")), rates).Spread!;

        Assert.Equal(5, spread.Expected.PoolSize);
        var hot = spread.Endpoints[0];
        Assert.Equal(("web-canary-0", 0.2, 0.6), (hot.Expected.Endpoint, hot.Expected.Share, hot.Share));
        Assert.Equal(3.0, spread.Skew, 9);
    }

    [Fact]
    public void Backends_measured_by_different_kinds_of_query_are_not_compared()
    {
        var view = new ClusterBuilder()
            .WithPods("web", "node-a").WithPods("api", "node-b")
            .With(Route("split", Rule(("web", 1), ("api", 1))))
            .Build();
        var rates = new ObservedRates(
            new ObservedSource(IsClusterQuery: true, ToPods([("web-0", 5000), ("api-0", 5000)]), 1),
            new Dictionary<(string, string), ObservedSource> { [(Namespace, "api")] = new(IsClusterQuery: false, ToPods([("api-0", 5)]), 1) });

        Assert.Equal(ObservedStatus.NotComparable, ObservedComparer.Compare(Entry(view, RouteRef("split")), rates).Status);
    }
}
