using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;

namespace LbOperator.Core.Tests.Analysis;

public sealed class SourceWeightsCacheTests
{
    [Theory]
    [InlineData(1L, 1L, true)]
    [InlineData(1L, 2L, false)]
    [InlineData(null, null, false)]
    public void Weights_are_kept_while_the_view_reports_the_same_node_version(long? first, long? second, bool kept)
    {
        var view = new VersionedClusterView { Nodes = [new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-b", 4)], NodesVersion = first };
        var cache = new SourceWeightsCache();

        var before = (Zone: cache.ByZone(view), Node: cache.ByNode(view));
        view.NodesVersion = second;
        var after = (Zone: cache.ByZone(view), Node: cache.ByNode(view));

        Assert.Equal(kept, ReferenceEquals(before.Zone, after.Zone));
        Assert.Equal(kept, ReferenceEquals(before.Node, after.Node));
        Assert.Equal(before.Node, after.Node);
    }

    [Fact]
    public void A_new_node_version_gives_the_weights_of_the_new_nodes()
    {
        var view = new VersionedClusterView { Nodes = [new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-a", 4)], NodesVersion = 1 };
        var cache = new SourceWeightsCache();
        Assert.Equal(0.5, cache.ByNode(view)["node-a"]);

        view.Nodes = [new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-a", 12)];
        view.NodesVersion = 2;

        Assert.Equal(0.25, cache.ByNode(view)["node-a"]);
        Assert.Equal(1.0, cache.ByZone(view)["zone-a"]);
    }

    [Fact]
    public void Two_views_with_the_same_version_never_share_weights()
    {
        var small = new VersionedClusterView { Nodes = [new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-a", 4)], NodesVersion = 1 };
        var other = new VersionedClusterView { Nodes = [new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-a", 12)], NodesVersion = 1 };
        var cache = new SourceWeightsCache();

        Assert.Equal(0.5, cache.ByNode(small)["node-a"]);
        Assert.Equal(0.25, cache.ByNode(other)["node-a"]);
    }
}
