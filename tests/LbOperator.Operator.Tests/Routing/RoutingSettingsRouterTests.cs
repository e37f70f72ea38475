using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Routing;
using LbOperator.Operator.Tests.Fakes;

namespace LbOperator.Operator.Tests.Routing;

/// <summary>What GRPCRoutes, mesh routes, IngressClasses and ReferenceGrants re-audit.</summary>
public sealed class RoutingSettingsRouterTests
{
    private readonly InMemoryObjectStore<V1Service> _services = new();
    private readonly InMemoryObjectStore<V1Ingress> _ingresses = new();
    private readonly DependencyRouter _router;

    public RoutingSettingsRouterTests()
    {
        var index = new EndpointSliceIndex();
        _router = new DependencyRouter(index, new CacheClusterView(_services, new InMemoryObjectStore<V1EndpointSlice>(), new InMemoryObjectStore<V1Node>(),
            _ingresses, new InMemoryObjectStore<HttpRoute>(), index), _ingresses);
    }

    [Fact]
    public void A_grpc_route_reaches_itself_and_a_backend_change_reaches_it()
    {
        var route = Grpc("shop", "orders", parent: null, ("orders-v1", null), ("orders-v2", null));

        Assert.Equal(["GRPCRoute/shop/orders"], Sorted(_router.GrpcRouteChanged(null, route)));
        Assert.Equal(["GRPCRoute/shop/orders", "Service/shop/orders-v2"], Sorted(_router.ServiceChanged(null, ApiObjects.Service("shop", "orders-v2"))));
    }

    [Fact]
    public void A_mesh_route_reaches_its_parent_service_before_and_after_and_so_do_its_backends()
    {
        var before = Grpc("shop", "canary", parent: "web", ("web-v2", null));
        var after = Grpc("shop", "canary", parent: "api", ("web-v2", null));

        Assert.Equal(["GRPCRoute/shop/canary", "Service/shop/web"], Sorted(_router.GrpcRouteChanged(null, before)));
        Assert.Equal(["GRPCRoute/shop/canary", "Service/shop/web", "Service/shop/web-v2"], Sorted(_router.ServiceChanged(null, ApiObjects.Service("shop", "web-v2"))));
        Assert.Equal(["GRPCRoute/shop/canary", "Service/shop/api", "Service/shop/web"], Sorted(_router.GrpcRouteChanged(before, after)));
    }

    [Fact]
    public void A_reference_grant_reaches_the_routes_with_a_backend_in_its_namespace_and_their_mesh_parents()
    {
        _router.GrpcRouteChanged(null, Grpc("shop", "pay", parent: "checkout", ("ledger", "payments")));
        _router.GrpcRouteChanged(null, Grpc("shop", "local", parent: null, ("orders", null)));
        var grant = new ReferenceGrant { Metadata = new V1ObjectMeta { NamespaceProperty = "payments", Name = "from-shop" } };

        Assert.Equal(["GRPCRoute/shop/pay", "Service/shop/checkout"], Sorted(_router.ReferenceGrantChanged(null, grant)));
        Assert.Equal(["GRPCRoute/shop/pay", "Service/shop/checkout"], Sorted(_router.ReferenceGrantChanged(grant, null)));
    }

    [Fact]
    public void An_ingress_class_change_reaches_every_ingress_and_a_resync_of_the_same_class_reaches_nothing()
    {
        _ingresses.Put(ApiObjects.Ingress("shop", "web", "shop.example.com", "/", "web"));
        _ingresses.Put(ApiObjects.Ingress("blog", "posts", "blog.example.com", "/", "posts"));
        var before = Class("nginx-internal", "k8s.io/ingress-nginx");

        Assert.Equal(["Ingress/blog/posts", "Ingress/shop/web"], Sorted(_router.IngressClassChanged(null, before)));
        Assert.Empty(_router.IngressClassChanged(before, Class("nginx-internal", "k8s.io/ingress-nginx")));
        Assert.Equal(["Ingress/blog/posts", "Ingress/shop/web"], Sorted(_router.IngressClassChanged(before, Class("nginx-internal", "example.com/other"))));
    }

    [Fact]
    public void A_metallb_advertisement_reaches_every_load_balancer_service_and_its_routers()
    {
        _services.Put(ApiObjects.Service("shop", "web", "Local", "LoadBalancer"));
        _services.Put(ApiObjects.Service("shop", "api"));
        _router.GrpcRouteChanged(null, Grpc("shop", "edge", parent: null, ("web", null)));

        Assert.Equal(["GRPCRoute/shop/edge", "Service/shop/web"], Sorted(_router.MetalLbAdvertisementChanged()));
    }

    private static V1IngressClass Class(string name, string controller) => new()
    {
        Metadata = new V1ObjectMeta { Name = name },
        Spec = new V1IngressClassSpec { Controller = controller },
    };

    private static string[] Sorted(IEnumerable<ObjectRef> keys) => keys.Select(key => key.ToString()).Order(StringComparer.Ordinal).ToArray();

    private static GrpcRoute Grpc(string ns, string name, string? parent, params (string Service, string? Namespace)[] backends) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
        Spec = new HttpRouteSpec
        {
            ParentRefs = parent is null ? null : [new ParentReference { Group = "", Kind = "Service", Name = parent }],
            Rules = [new HttpRouteRule { BackendRefs = backends.Select(backend => new HttpBackendRef { Name = backend.Service, Namespace = backend.Namespace, Port = 80 }).ToList() }],
        },
    };
}
