using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Ingresses;

public sealed class IngressSpreadTests
{
    private static AnalysisReport All(InMemoryClusterView view) => new TrafficAnalyzer(AnalysisPolicy.Default).AnalyzeAll(view);

    [Fact]
    public void Inside_a_backend_service_every_ready_endpoint_is_equal_whatever_its_traffic_policy()
    {
        var view = new ClusterBuilder()
            .With(Service("web", ServiceType.LoadBalancer) with { ExternalTrafficPolicy = TrafficPolicy.Local })
            .Pods("web", ("node-a", 5), ("node-b", 1))
            .With(Ingress("web", "shop.example.com", "/", "web"))
            .Build();

        var result = Assert.Single(Analyzed.Of(view, IngressRef("web")).EntryPoints);

        Assert.Equal(1.0, result.Skew);
        Assert.All(result.Endpoints, e => Assert.Equal(1.0 / 6, e.Share, 9));
    }

    [Fact]
    public void Paths_are_grouped_by_host_and_path_and_each_analysed_once()
    {
        var web = Ingress("web", "shop.example.com", "/", "web") with
        {
            Paths =
            [
                new IngressPathInfo("shop.example.com", "/", "Prefix", new IngressBackendInfo("web", "80", null, null)),
                new IngressPathInfo("shop.example.com", "/api", "Prefix", new IngressBackendInfo("api", "80", null, null)),
                new IngressPathInfo("", "/", "Prefix", new IngressBackendInfo("web", "80", null, null)),
            ],
        };
        var view = new ClusterBuilder().ServiceWithPods("web", ("node-a", 1)).ServiceWithPods("api", ("node-a", 1)).With(web).Build();

        var ingressEntries = All(view).EntryPoints.Where(e => e.EntryPoint.Owner.Kind == ObjectKind.Ingress);

        Assert.Equal(["shop.example.com/", "shop.example.com/api", "*/"], ingressEntries.Select(e => e.EntryPoint.Name));
    }

    [Fact]
    public void A_second_main_ingress_for_the_same_host_and_path_is_noted_not_duplicated()
    {
        var view = new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 1))
            .With(Ingress("a-web", "shop.example.com", "/", "web"))
            .With(Ingress("b-web", "shop.example.com", "/", "web"))
            .Build();

        var result = Assert.Single(All(view).EntryPoints, e => e.EntryPoint.Owner.Kind == ObjectKind.Ingress);

        Assert.Equal(IngressRef("a-web"), result.EntryPoint.Owner);
        Assert.Contains(result.Notes, n => n.StartsWith("Ingress Ingress/shop/b-web also defines shop.example.com/", StringComparison.Ordinal));
    }

    [Fact]
    public void A_missing_backend_service_blackholes_the_path()
    {
        var view = new ClusterBuilder().With(Ingress("web", "shop.example.com", "/", "gone")).Build();

        var report = Analyzed.Of(view, IngressRef("web"));

        Assert.Equal(1.0, Assert.Single(report.EntryPoints).BlackholedShare);
        var finding = Assert.Single(report.WithRule("LB002"));
        Assert.Equal("shop.example.com/: 100% of traffic is blackholed: backend Service shop/gone does not exist. Fix: create the Service or correct the backend name.", finding.Message);
    }

    [Fact]
    public void A_resource_backend_is_reported_and_skipped()
    {
        var ingress = Ingress("assets", "shop.example.com", "/static", "unused") with
        {
            Paths = [new IngressPathInfo("shop.example.com", "/static", "Prefix", new IngressBackendInfo(null, null, "StorageBucket", "assets"))],
        };
        var view = new ClusterBuilder().With(ingress).Build();

        var report = Analyzed.Of(view, IngressRef("assets"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Empty(result.Backends);
        Assert.Empty(report.Findings);
        Assert.Contains(result.Notes, n => n.Contains("resource StorageBucket/assets, not a Service; skipped", StringComparison.Ordinal));
    }

    [Fact]
    public void The_default_backend_is_an_entry_point_of_its_own()
    {
        var ingress = Ingress("web", "shop.example.com", "/", "web") with { DefaultBackend = new IngressBackendInfo("fallback", "80", null, null) };
        var view = new ClusterBuilder().ServiceWithPods("web", ("node-a", 1)).ServiceWithPods("fallback", ("node-a", 1), ("node-b", 1)).With(ingress).Build();

        var report = Analyzed.Of(view, IngressRef("web"));

        Assert.Equal(["(default backend)", "shop.example.com/"], report.EntryPoints.Select(e => e.EntryPoint.Name));
        Assert.Equal(2, report.EntryPoints[0].PoolSize);
    }

    [Theory]
    [InlineData("nginx.ingress.kubernetes.io/upstream-hash-by", "$request_uri", "upstream-hash-by")]
    [InlineData("nginx.ingress.kubernetes.io/affinity", "cookie", "cookie affinity")]
    public void Consistent_hashing_and_cookie_affinity_give_an_info_finding(string key, string value, string expected)
    {
        var view = new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 1), ("node-b", 1))
            .With(Ingress("web", "shop.example.com", "/", "web", annotations: Annotations((key, value))))
            .Build();

        var finding = Assert.Single(Analyzed.Of(view, IngressRef("web")).Findings);

        Assert.Equal(("LB006", Severity.Info), (finding.RuleId, finding.Severity));
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_canary_without_a_main_ingress_is_noted_as_ignored()
    {
        var view = new ClusterBuilder()
            .ServiceWithPods("web-canary", ("node-a", 1))
            .With(Ingress("web-canary", "shop.example.com", "/", "web-canary", annotations: Annotations(("nginx.ingress.kubernetes.io/canary", "true"))))
            .Build();

        var result = Assert.Single(Analyzed.Of(view, IngressRef("web-canary")).EntryPoints);

        Assert.Equal(0, result.PoolSize);
        Assert.Contains("no main Ingress serves shop.example.com/, so ingress-nginx ignores the canary Ingress Ingress/shop/web-canary", result.Notes);
    }

    [Fact]
    public void An_ignored_main_ingress_takes_its_entry_points_out_of_the_report()
    {
        var view = new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 1))
            .With(Ingress("web", "shop.example.com", "/", "gone", annotations: Annotations(("lb-operator.io/ignore", "true"))))
            .Build();

        Assert.DoesNotContain(All(view).EntryPoints, e => e.EntryPoint.Owner.Kind == ObjectKind.Ingress);
    }
}
