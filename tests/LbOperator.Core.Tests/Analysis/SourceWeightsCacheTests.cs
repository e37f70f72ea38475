using LbOperator.Core.Analysis;
using LbOperator.Core.Model;

namespace LbOperator.Core.Tests.Analysis;

public sealed class SourceWeightsCacheTests
{
    [Theory]
    [InlineData(1L, 1L, true)]
    [InlineData(1L, 2L, false)]
    [InlineData(null, null, false)]
    public void Weights_are_kept_while_the_view_reports_the_same_node_version(long? first, long? second, bool kept)
    {
        var view = new VersionedNodes([new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-b", 4)]) { Version = first };
        var cache = new SourceWeightsCache();

        var before = (Zone: cache.ByZone(view), Node: cache.ByNode(view));
        view.Version = second;
        var after = (Zone: cache.ByZone(view), Node: cache.ByNode(view));

        Assert.Equal(kept, ReferenceEquals(before.Zone, after.Zone));
        Assert.Equal(kept, ReferenceEquals(before.Node, after.Node));
        Assert.Equal(before.Node, after.Node);
    }

    [Fact]
    public void A_new_node_version_gives_the_weights_of_the_new_nodes()
    {
        var view = new VersionedNodes([new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-a", 4)]) { Version = 1 };
        var cache = new SourceWeightsCache();
        Assert.Equal(0.5, cache.ByNode(view)["node-a"]);

        view.Nodes = [new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-a", 12)];
        view.Version = 2;

        Assert.Equal(0.25, cache.ByNode(view)["node-a"]);
        Assert.Equal(1.0, cache.ByZone(view)["zone-a"]);
    }

    [Fact]
    public void Two_views_with_the_same_version_never_share_weights()
    {
        var small = new VersionedNodes([new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-a", 4)]) { Version = 1 };
        var other = new VersionedNodes([new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-a", 12)]) { Version = 1 };
        var cache = new SourceWeightsCache();

        Assert.Equal(0.5, cache.ByNode(small)["node-a"]);
        Assert.Equal(0.25, cache.ByNode(other)["node-a"]);
    }

    private sealed class VersionedNodes(IReadOnlyCollection<NodeInfo> nodes) : IClusterView
    {
        public long? Version { get; set; }

        public long? NodesVersion => Version;

        public IReadOnlyCollection<NodeInfo> Nodes { get; set; } = nodes;

        public IReadOnlyCollection<IngressInfo> Ingresses => [];

        public IReadOnlyCollection<ServiceInfo> Services => [];

        public IReadOnlyCollection<HttpRouteInfo> HttpRoutes => [];

        public ServiceInfo? GetService(string @namespace, string name) => null;

        public IReadOnlyList<EndpointSliceInfo> GetEndpointSlices(string @namespace, string serviceName) => [];

        public NodeInfo? GetNode(string name) => Nodes.FirstOrDefault(node => node.Name == name);

        public IngressInfo? GetIngress(string @namespace, string name) => null;

        public HttpRouteInfo? GetHttpRoute(string @namespace, string name) => null;
    }
}
