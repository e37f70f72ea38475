using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Endpoints;

public sealed class EndpointSelectionTests
{
    [Theory]
    [InlineData(true, null, null, true)]
    [InlineData(null, null, null, true)]
    [InlineData(false, null, null, false)]
    [InlineData(true, true, true, false)]
    [InlineData(false, true, true, false)]
    [InlineData(null, null, false, true)]
    public void An_endpoint_is_in_the_pool_when_ready_or_ready_is_absent_and_it_is_not_terminating(bool? ready, bool? serving, bool? terminating, bool inPool)
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Slice("web", "s1", Endpoint("steady"), Endpoint("probe", ready: ready, serving: serving, terminating: terminating)))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(inPool, result.Endpoints.Any(e => e.Endpoint == "probe"));
    }

    [Theory]
    [InlineData(true, 2)]
    [InlineData(null, 2)]
    [InlineData(false, 0)]
    public void Without_ready_endpoints_serving_terminating_endpoints_take_the_traffic(bool? serving, int pool)
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Slice("web", "s1",
                Endpoint("old-1", ready: false, serving: serving, terminating: true),
                Endpoint("old-2", ready: false, serving: serving, terminating: true),
                Endpoint("new", ready: false)))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(pool, result.PoolSize);
        Assert.Equal(pool == 0 ? 1.0 : 0.0, result.BlackholedShare);
        Assert.Equal(pool > 0, result.Notes.Any(n => n.Contains("serving terminating", StringComparison.Ordinal)));
    }

    [Fact]
    public void Terminating_endpoints_are_not_used_while_another_endpoint_is_ready()
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Slice("web", "s1", Endpoint("new"), Endpoint("old", ready: false, serving: true, terminating: true)))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(["new"], result.Endpoints.Select(e => e.Endpoint));
    }

    [Fact]
    public void Endpoints_of_all_slices_of_the_service_are_taken_together()
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Slice("web", "s1", Endpoint("a")))
            .With(Slice("web", "s2", Endpoint("b"), Endpoint("c")))
            .With(Slice("api", "s3", Endpoint("x")))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(["a", "b", "c"], result.Endpoints.Select(e => e.Endpoint));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void An_endpoint_listed_in_two_slices_counts_once_and_is_ready_if_either_copy_is(bool firstReady, bool secondReady)
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Slice("web", "s1", Endpoint("a", ready: firstReady), Endpoint("b")))
            .With(Slice("web", "s2", Endpoint("a", ready: secondReady)))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(2, result.PoolSize);
        Assert.Equal(0.5, result.ShareOf("a"), 9);
    }

    [Theory]
    [InlineData("zone-x", "zone-x")]
    [InlineData(null, "zone-node")]
    public void The_zone_comes_from_the_endpoint_else_from_its_node(string? endpointZone, string expected)
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Node("node-a", "zone-node"))
            .With(Slice("web", "s1", Endpoint("a", "node-a", endpointZone)))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(expected, result.Endpoints[0].Zone);
    }
}
