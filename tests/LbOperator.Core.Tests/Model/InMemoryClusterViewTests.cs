using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Model;

public sealed class InMemoryClusterViewTests
{
    [Fact]
    public void Objects_are_found_by_namespace_and_name()
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Service("web", ns: "other"))
            .With(Node("node-a", "zone-a"))
            .With(Ingress("front", "shop.example.com", "/", "web"))
            .With(Route("split", Rule(("web", null))))
            .Build();

        Assert.Equal("shop", view.GetService("shop", "web")!.Namespace);
        Assert.Equal("other", view.GetService("other", "web")!.Namespace);
        Assert.Null(view.GetService("shop", "missing"));
        Assert.Equal("zone-a", view.GetNode("node-a")!.Zone);
        Assert.NotNull(view.GetIngress("shop", "front"));
        Assert.NotNull(view.GetHttpRoute("shop", "split"));
        Assert.Equal(2, view.Services.Count);
    }

    [Fact]
    public void Slices_are_grouped_by_the_service_they_are_labelled_for()
    {
        var view = new ClusterBuilder()
            .With(Slice("web", "web-1", Endpoint("a")))
            .With(Slice("web", "web-2", Endpoint("b")))
            .With(Slice("api", "api-1", Endpoint("c")))
            .Build();

        Assert.Equal(["web-1", "web-2"], view.GetEndpointSlices("shop", "web").Select(s => s.Name));
        Assert.Single(view.GetEndpointSlices("shop", "api"));
        Assert.Empty(view.GetEndpointSlices("shop", "none"));
        Assert.Empty(view.GetEndpointSlices("other", "web"));
    }

    [Fact]
    public void A_later_object_with_the_same_name_replaces_the_earlier_one()
    {
        var view = new ClusterBuilder()
            .With(Service("web"))
            .With(Service("web", ServiceType.LoadBalancer))
            .With(Slice("web", "web-1", Endpoint("a")))
            .With(Slice("web", "web-1", Endpoint("b")))
            .Build();

        Assert.Equal(ServiceType.LoadBalancer, view.GetService("shop", "web")!.Type);
        Assert.Single(view.Services);
        Assert.Equal("b", Assert.Single(view.GetEndpointSlices("shop", "web")).Endpoints[0].Id);
    }
}
