using LbOperator.Core.Model;
using LbOperator.Webhook.Evaluation;
using LbOperator.Webhook.Tests.Support;

namespace LbOperator.Webhook.Tests.Evaluation;

public sealed class OverlayClusterViewTests
{
    [Fact]
    public void The_incoming_object_replaces_its_namesake()
    {
        var incoming = ShopCluster.Service("checkout", ServiceType.LoadBalancer, TrafficPolicy.Local);
        var view = new OverlayClusterView(ShopCluster.Create(), Admitted(incoming));

        Assert.Same(incoming, view.GetService("shop", "checkout"));
        Assert.Single(view.Services, s => s.Name == "checkout");
        Assert.Contains(incoming, view.Services);
    }

    [Fact]
    public void A_new_object_is_added_and_everything_else_comes_from_the_caches()
    {
        var cache = ShopCluster.Create();
        var incoming = ShopCluster.Service("cart");
        var view = new OverlayClusterView(cache, Admitted(incoming));

        Assert.Same(incoming, view.GetService("shop", "cart"));
        Assert.Equal(cache.Services.Count + 1, view.Services.Count);
        Assert.Same(cache.GetService("shop", "web"), view.GetService("shop", "web"));
        Assert.Equal(cache.GetEndpointSlices("shop", "checkout"), view.GetEndpointSlices("shop", "checkout"));
        Assert.Same(cache.Ingresses, view.Ingresses);
        Assert.Same(cache.HttpRoutes, view.HttpRoutes);
        Assert.Equal(cache.Nodes, view.Nodes);
    }

    [Fact]
    public void An_object_of_another_kind_with_the_same_name_is_not_replaced()
    {
        var cache = ShopCluster.Create();
        var view = new OverlayClusterView(cache, Admitted(ShopCluster.Service("web")));

        Assert.Same(cache.GetIngress("shop", "web"), view.GetIngress("shop", "web"));
    }

    private static AdmittedObject Admitted(ServiceInfo service) =>
        new(service.Ref, "v1", null, service.Annotations, Service: service);
}
