using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis;

public sealed class TrafficAnalyzerTests
{
    [Fact]
    public void A_cluster_ip_service_spreads_equally_over_its_ready_endpoints()
    {
        var view = new ClusterBuilder().ServiceWithPods("web", ("node-a", 3), ("node-b", 1)).Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(4, result.PoolSize);
        Assert.All(result.Endpoints, e => Assert.Equal(0.25, e.Share, 9));
        Assert.Equal(1.0, result.Skew);
        Assert.Equal(0, result.BlackholedShare);
        Assert.Equal(SkewCause.None, result.Cause);
        Assert.Equal(new EntryPoint(ServiceRef("web"), "web", [ServiceRef("web")]).Owner, result.EntryPoint.Owner);
    }

    [Fact]
    public void Node_and_zone_totals_add_up_the_shares_of_their_endpoints()
    {
        var view = new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 3), ("node-b", 1))
            .With(Node("node-a", "zone-a"))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal([new GroupShare("node-a", 3, 0.75), new GroupShare("node-b", 1, 0.25)], result.Nodes);
        Assert.Equal([new GroupShare("zone-a", 3, 0.75), new GroupShare("(unknown)", 1, 0.25)], result.Zones);
    }

    [Fact]
    public void Endpoints_are_listed_largest_share_first_then_by_name()
    {
        var view = new ClusterBuilder().ServiceWithPods("web", ("node-a", 3)).Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(["web-0", "web-1", "web-2"], result.Endpoints.Select(e => e.Endpoint));
    }

    [Fact]
    public void A_missing_object_gives_an_empty_report()
    {
        var view = new ClusterBuilder().Build();

        var report = Analyzed.Of(view, ServiceRef("nope"));

        Assert.Empty(report.EntryPoints);
        Assert.Empty(report.Findings);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("yes", false)]
    public void The_ignore_annotation_skips_the_object(string value, bool skipped)
    {
        var service = Service("web") with { Annotations = Annotations(("lb-operator.io/ignore", value)) };
        var view = new ClusterBuilder().With(service).Build();
        var analyzer = new TrafficAnalyzer(AnalysisPolicy.Default);

        var one = analyzer.Analyze(view, ServiceRef("web"));
        var all = analyzer.AnalyzeAll(view);

        Assert.Equal(skipped, one.EntryPoints.Count == 0 && one.Findings.Count == 0);
        Assert.Equal(skipped, all.EntryPoints.Count == 0 && all.Findings.Count == 0);
    }

    [Fact]
    public void A_service_without_ready_endpoints_blackholes_all_its_traffic()
    {
        var view = new ClusterBuilder().With(Service("web")).Build();

        var report = Analyzed.Of(view, ServiceRef("web"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(1.0, result.BlackholedShare);
        Assert.Equal(0, result.PoolSize);
        Assert.Equal(0, result.Skew);
        var finding = Assert.Single(report.WithRule("LB002"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(1.0, finding.BlackholedShare);
        Assert.Null(finding.Skew);
        Assert.StartsWith("web: 100% of traffic is blackholed", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void External_name_services_have_no_entry_point()
    {
        var view = new ClusterBuilder().With(Service("ext", ServiceType.ExternalName)).Build();

        Assert.Empty(new TrafficAnalyzer(AnalysisPolicy.Default).AnalyzeAll(view).EntryPoints);
    }

    [Fact]
    public void Analyze_all_lists_every_service_once_in_namespace_and_name_order()
    {
        var view = new ClusterBuilder()
            .ServiceWithPods("web", ("node-a", 1))
            .ServiceWithPods("api", ("node-a", 1))
            .With(Service("api", ns: "a-team"))
            .Build();

        var report = new TrafficAnalyzer(AnalysisPolicy.Default).AnalyzeAll(view);

        Assert.Equal(
            ["Service/a-team/api", "Service/shop/api", "Service/shop/web"],
            report.EntryPoints.Select(e => e.EntryPoint.Owner.ToString()));
    }

    [Fact]
    public void The_same_view_always_gives_the_same_report_text()
    {
        var view = new ClusterBuilder().With(Service("web")).With(Service("api")).Build();
        var analyzer = new TrafficAnalyzer(AnalysisPolicy.Default);

        var first = analyzer.AnalyzeAll(view).Findings.Select(f => f.Message);
        var second = analyzer.AnalyzeAll(view).Findings.Select(f => f.Message);

        Assert.Equal(first, second);
    }

    [Fact]
    public void The_report_does_not_depend_on_the_order_objects_arrive_in()
    {
        var services = new[] { Service("web"), Service("api", ServiceType.LoadBalancer) with { ExternalTrafficPolicy = TrafficPolicy.Local } };
        var slices = new[]
        {
            Slice("api", "api-1", Endpoint("api-0", "node-a"), Endpoint("api-1", "node-a"), Endpoint("api-2", "node-b")),
            Slice("api", "api-2", Endpoint("api-3", "node-a")),
            Slice("web", "web-1", Endpoint("web-0", "node-b", ready: false)),
        };
        var ingresses = new[] { Ingress("b", "shop.example.com", "/", "web"), Ingress("a", "shop.example.com", "/api", "api") };
        var analyzer = new TrafficAnalyzer(AnalysisPolicy.Default);

        var forward = analyzer.AnalyzeAll(new InMemoryClusterView(services, slices, [], ingresses, []));
        var backward = analyzer.AnalyzeAll(new InMemoryClusterView(services.Reverse(), slices.Reverse(), [], ingresses.Reverse(), []));

        Assert.Equal(forward.Findings, backward.Findings);
        Assert.Equal(
            forward.EntryPoints.Select(e => (e.EntryPoint.Name, e.Skew, string.Join(",", e.Endpoints.Select(p => p.Endpoint)))),
            backward.EntryPoints.Select(e => (e.EntryPoint.Name, e.Skew, string.Join(",", e.Endpoints.Select(p => p.Endpoint)))));
    }

    [Fact]
    public void A_large_pool_is_sorted_by_share_then_by_ordinal_name()
    {
        var names = Enumerable.Range(0, 300)
            .Select(i => i % 3 == 0 ? $"web-{i}" : i % 3 == 1 ? $"web-abcd{i}" : $"web-abcd{i}x")
            .Append("web-").Append("web-abcd")
            .ToArray();
        var shuffled = names.OrderBy(n => n.GetHashCode(StringComparison.Ordinal)).ToArray();
        var endpoints = shuffled.Select((n, i) => Endpoint(n, $"node-{i % 7}")).ToArray();
        var view = new ClusterBuilder()
            .With(Service("web", ServiceType.LoadBalancer) with { ExternalTrafficPolicy = TrafficPolicy.Local })
            .With(Slice("web", "s1", endpoints[..150]))
            .With(Slice("web", "s2", endpoints[150..]))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        var expected = result.Endpoints
            .OrderByDescending(e => e.Share)
            .ThenBy(e => e.Endpoint, StringComparer.Ordinal)
            .Select(e => e.Endpoint);
        Assert.Equal(302, result.PoolSize);
        Assert.Equal(expected, result.Endpoints.Select(e => e.Endpoint));
    }
}
