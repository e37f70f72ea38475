using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Services;

public sealed class TopologySpreadTests
{
    private static EndpointInfo Hinted(string id, string node, string zone) =>
        Endpoint(id, node, zone) with { HintZones = [zone], HintNodes = [node] };

    private static ServiceInfo Web(string? distribution = null, params (string Key, string Value)[] annotations) =>
        Service("web") with { TrafficDistribution = distribution, Annotations = Annotations(annotations) };

    /// <summary>One endpoint in zone-a and three in zone-b; both zones have the same CPU.</summary>
    private static ClusterBuilder OneAndThree(ServiceInfo service) =>
        new ClusterBuilder()
            .With(service)
            .With(Node("node-a", "zone-a", 8)).With(Node("node-b", "zone-b", 8))
            .With(Slice("web", "s1", Hinted("a1", "node-a", "zone-a"), Hinted("b1", "node-b", "zone-b"), Hinted("b2", "node-b", "zone-b"), Hinted("b3", "node-b", "zone-b")));

    public static TheoryData<string?, string?, string?> Triggers => new()
    {
        { "PreferClose", null, null },
        { "PreferSameZone", null, null },
        { null, "service.kubernetes.io/topology-mode", "Auto" },
        { null, "service.kubernetes.io/topology-aware-hints", "auto" },
    };

    [Theory]
    [MemberData(nameof(Triggers))]
    public void Topology_routing_keeps_zone_traffic_in_the_zone(string? distribution, string? key, string? value)
    {
        var service = Web(distribution, key is null ? [] : [(key, value!)]);
        var view = OneAndThree(service).Build();

        var report = Analyzed.Of(view, ServiceRef("web"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(0.5, result.ShareOf("a1"), 9);
        Assert.Equal(1.0 / 6, result.ShareOf("b1"), 9);
        Assert.Equal(2.0, result.Skew);
        Assert.Equal(SkewCause.TopologyRouting, result.Cause);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("LB001", Severity.Warning), (finding.RuleId, finding.Severity));
        Assert.Contains("uneven endpoints per zone (zone-b 3, zone-a 1)", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Hints_are_ignored_unless_every_ready_endpoint_carries_one()
    {
        var view = OneAndThree(Web("PreferClose"))
            .With(Slice("web", "s2", Endpoint("b4", "node-b", "zone-b")))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(1.0, result.Skew);
        Assert.Contains(result.Notes, n => n.Contains("not every ready endpoint has hints.forZones", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(12, 4, 0.75)]
    [InlineData(4, 4, 0.5)]
    [InlineData(0, 0, 0.5)]
    public void Zone_traffic_is_proportional_to_the_allocatable_cpu_of_its_nodes(double cpuA, double cpuB, double shareA)
    {
        var view = new ClusterBuilder()
            .With(Web("PreferClose"))
            .With(Node("node-a", "zone-a", cpuA)).With(Node("node-b", "zone-b", cpuB))
            .With(Slice("web", "s1", Hinted("a1", "node-a", "zone-a"), Hinted("b1", "node-b", "zone-b")))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(shareA, result.ShareOf("a1"), 9);
        Assert.Equal(1 - shareA, result.ShareOf("b1"), 9);
    }

    [Fact]
    public void Without_node_objects_every_zone_present_sends_equal_traffic()
    {
        var view = new ClusterBuilder()
            .With(Web("PreferClose"))
            .With(Slice("web", "s1", Hinted("a1", "node-a", "zone-a"), Hinted("b1", "node-b", "zone-b"), Hinted("b2", "node-b", "zone-b")))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(0.5, result.ShareOf("a1"), 9);
        Assert.Equal(0.25, result.ShareOf("b2"), 9);
        Assert.Contains(result.Notes, n => n.StartsWith("no Node objects", StringComparison.Ordinal));
    }

    [Fact]
    public void Traffic_from_a_zone_without_hinted_endpoints_goes_to_every_ready_endpoint()
    {
        var view = new ClusterBuilder()
            .With(Web("PreferClose"))
            .With(Node("node-a", "zone-a")).With(Node("node-b", "zone-b")).With(Node("node-c", "zone-c"))
            .With(Slice("web", "s1", Hinted("a1", "node-a", "zone-a"), Hinted("b1", "node-b", "zone-b"), Hinted("b2", "node-b", "zone-b")))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(1.0 / 3 + 1.0 / 9, result.ShareOf("a1"), 9);
        Assert.Equal(1.0 / 6 + 1.0 / 9, result.ShareOf("b1"), 9);
    }

    [Fact]
    public void Prefer_same_node_keeps_node_traffic_on_the_node_in_proportion_to_node_cpu()
    {
        var view = new ClusterBuilder()
            .With(Web("PreferSameNode"))
            .With(Node("node-a", "zone-a", 6)).With(Node("node-b", "zone-a", 2))
            .With(Slice("web", "s1", Hinted("a1", "node-a", "zone-a"), Hinted("b1", "node-b", "zone-a"), Hinted("b2", "node-b", "zone-a")))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(0.75, result.ShareOf("a1"), 9);
        Assert.Equal(0.125, result.ShareOf("b2"), 9);
        Assert.Equal(SkewCause.TopologyRouting, result.Cause);
    }

    [Fact]
    public void Prefer_same_node_is_ignored_when_an_endpoint_has_no_node_hint()
    {
        var view = new ClusterBuilder()
            .With(Web("PreferSameNode"))
            .With(Node("node-a", "zone-a", 6)).With(Node("node-b", "zone-a", 2))
            .With(Slice("web", "s1", Hinted("a1", "node-a", "zone-a"), Hinted("b1", "node-b", "zone-a") with { HintNodes = [] }))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(1.0, result.Skew);
        Assert.Contains(result.Notes, n => n.Contains("not every ready endpoint has hints.forNodes", StringComparison.Ordinal));
    }
}
