using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Routes;

public sealed class HttpRouteSpreadTests
{
    private static ClusterBuilder ThreeOnePodServices() =>
        new ClusterBuilder().ServiceWithPods("a", ("node-a", 1)).ServiceWithPods("b", ("node-b", 1)).ServiceWithPods("c", ("node-c", 1));

    [Fact]
    public void A_70_30_0_split_over_three_one_pod_services_has_a_pool_of_two_and_skew_1_4()
    {
        var view = ThreeOnePodServices().With(Route("split", Rule(("a", 70), ("b", 30), ("c", 0)))).Build();

        var report = Analyzed.Of(view, RouteRef("split"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal("rule-0", result.EntryPoint.Name);
        Assert.Equal(2, result.PoolSize);
        Assert.Equal(1.4, result.Skew);
        Assert.Equal(0.7, result.ShareOf("a-0"), 9);
        Assert.Equal(SkewCause.BackendWeights, result.Cause);
        Assert.Equal([0.7, 0.3, 0.0], result.Backends.Select(b => Math.Round(b.Share, 9)));
        Assert.Empty(report.Findings);
    }

    [Theory]
    [InlineData(null, null, 0.5)]
    [InlineData(1L, 3L, 0.25)]
    [InlineData(0L, 5L, 0.0)]
    public void Each_backend_gets_its_weight_over_the_sum_and_the_weight_defaults_to_one(long? weightA, long? weightB, double shareA)
    {
        var view = ThreeOnePodServices().With(Route("split", Rule(("a", weightA), ("b", weightB)))).Build();

        var result = Assert.Single(Analyzed.Of(view, RouteRef("split")).EntryPoints);

        Assert.Equal(shareA, result.Backends[0].Share, 9);
        Assert.Equal(1 - shareA, result.Backends[1].Share, 9);
    }

    [Fact]
    public void A_backend_ref_to_a_missing_service_keeps_its_share_and_blackholes_it()
    {
        var view = ThreeOnePodServices().With(Route("split", Rule(("a", 75), ("gone", 25)))).Build();

        var report = Analyzed.Of(view, RouteRef("split"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(0.25, result.BlackholedShare, 9);
        Assert.Equal(0.75, result.ShareOf("a-0"), 9);
        Assert.True(result.Backends[1].Missing);
        var finding = Assert.Single(report.WithRule("LB002"));
        Assert.Equal((Severity.Error, 0.25), (finding.Severity, finding.BlackholedShare));
        Assert.StartsWith("rule-0: 25% of traffic is blackholed: backend Service shop/gone does not exist", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backend_without_ready_endpoints_blackholes_its_share()
    {
        var view = ThreeOnePodServices().With(Service("empty")).With(Route("split", Rule(("a", 1), ("empty", 1)))).Build();

        var result = Assert.Single(Analyzed.Of(view, RouteRef("split")).EntryPoints);

        Assert.Equal(0.5, result.BlackholedShare, 9);
    }

    [Fact]
    public void A_rule_whose_weights_are_all_zero_is_invalid_and_blackholes_everything()
    {
        var view = ThreeOnePodServices().With(Route("split", Rule(("a", 0), ("b", 0)))).Build();

        var report = Analyzed.Of(view, RouteRef("split"));

        Assert.Equal(1.0, Assert.Single(report.EntryPoints).BlackholedShare);
        Assert.Equal(["LB002", "LB003"], report.Findings.Select(f => f.RuleId).Order());
        Assert.All(report.Findings, f => Assert.Equal(Severity.Error, f.Severity));
    }

    [Fact]
    public void A_negative_weight_is_invalid_and_counts_as_zero()
    {
        var view = ThreeOnePodServices().With(Route("split", Rule(("a", -3), ("b", 1)))).Build();

        var report = Analyzed.Of(view, RouteRef("split"));

        Assert.Equal(1.0, Assert.Single(report.EntryPoints).ShareOf("b-0"), 9);
        Assert.StartsWith("rule-0: backendRef a has negative weight -3", Assert.Single(report.WithRule("LB003")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Inside_each_service_every_ready_endpoint_is_equal_and_weights_against_pods_skew_the_spread()
    {
        var view = new ClusterBuilder()
            .ServiceWithPods("v1", ("node-a", 4))
            .ServiceWithPods("v2", ("node-b", 1))
            .With(Route("split", Rule(("v1", 50), ("v2", 50)) with { Name = "checkout" }))
            .Build();

        var report = Analyzed.Of(view, RouteRef("split"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal("checkout", result.EntryPoint.Name);
        Assert.Equal(0.125, result.ShareOf("v1-3"), 9);
        Assert.Equal(2.5, result.Skew);
        var finding = Assert.Single(report.WithRule("LB001"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("Cause: backend weights (v1 50% over 4 endpoint(s), v2 50% over 1 endpoint(s))", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_rule_is_its_own_entry_point()
    {
        var view = ThreeOnePodServices().With(Route("multi", Rule(("a", null)), Rule(("b", null), ("c", null)))).Build();

        var report = Analyzed.Of(view, RouteRef("multi"));

        Assert.Equal(["rule-0", "rule-1"], report.EntryPoints.Select(e => e.EntryPoint.Name));
        Assert.Equal([1, 2], report.EntryPoints.Select(e => e.PoolSize));
    }

    [Fact]
    public void A_service_referenced_twice_counts_its_endpoints_once()
    {
        var view = ThreeOnePodServices().With(Route("split", Rule(("a", 1), ("a", 1), ("b", 2)))).Build();

        var result = Assert.Single(Analyzed.Of(view, RouteRef("split")).EntryPoints);

        Assert.Equal(2, result.PoolSize);
        Assert.Equal(1.0, result.Skew);
    }

    [Fact]
    public void A_backend_ref_that_is_not_a_service_is_noted_and_not_analysed()
    {
        var rule = new HttpRouteRuleInfo(null, [new HttpBackendRefInfo(null, null, null, "a", 80, 1), new HttpBackendRefInfo("multicluster.x-k8s.io", "ServiceImport", null, "remote", 80, 1)]);
        var view = ThreeOnePodServices().With(Route("split", rule)).Build();

        var report = Analyzed.Of(view, RouteRef("split"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(0.5, result.ShareOf("a-0"), 9);
        Assert.Equal(0, result.BlackholedShare);
        Assert.Contains("backendRef multicluster.x-k8s.io/ServiceImport remote gets 50% and is not analysed (not a Service)", result.Notes);
    }

    [Fact]
    public void A_granted_backend_ref_in_another_namespace_is_looked_up_there()
    {
        var rule = new HttpRouteRuleInfo(null, [new HttpBackendRefInfo(null, "Service", "payments", "api", 80, null)]);
        var view = new ClusterBuilder()
            .With(Service("api", ns: "payments"))
            .With(new EndpointSliceInfo("payments", "api-1", "api", [Endpoint("api-0", "node-a")]))
            .With(Route("split", rule))
            .With(new ReferenceGrantInfo("payments", "from-shop", [new ReferenceGrantFrom("gateway.networking.k8s.io", "HTTPRoute", Namespace)], [new ReferenceGrantTo("", "Service", "api")]))
            .Build();

        var result = Assert.Single(Analyzed.Of(view, RouteRef("split")).EntryPoints);

        Assert.Equal(("payments", "api", 1.0), (result.Endpoints[0].Namespace, result.Endpoints[0].Service, result.Endpoints[0].Share));
    }
}
