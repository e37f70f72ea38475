using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.MetalLb;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Tests.Fakes;

namespace LbOperator.Operator.Tests.Caching;

/// <summary>The cache view of IngressClasses, GRPCRoutes, ReferenceGrants and MetalLB advertisements.</summary>
public sealed class RoutingSettingsViewTests
{
    private readonly InMemoryObjectStore<V1IngressClass> _classes = new();
    private readonly InMemoryObjectStore<GrpcRoute> _grpcRoutes = new();
    private readonly InMemoryObjectStore<ReferenceGrant> _grants = new();
    private readonly InMemoryObjectStore<MetalLbAdvertisement> _l2 = new();
    private readonly InMemoryObjectStore<MetalLbAdvertisement> _bgp = new();
    private bool _grantsWatched;

    private CacheClusterView View() => new(
        new InMemoryObjectStore<V1Service>(), new InMemoryObjectStore<V1EndpointSlice>(), new InMemoryObjectStore<V1Node>(),
        new InMemoryObjectStore<V1Ingress>(), new InMemoryObjectStore<HttpRoute>(), new EndpointSliceIndex(),
        new RoutingSettingsStores(_classes, _grpcRoutes, _grants, () => _grantsWatched, _l2, _bgp));

    [Fact]
    public void Reference_grants_are_unknown_while_their_api_is_not_watched_and_listed_once_it_is()
    {
        _grants.Put(new ReferenceGrant { Metadata = new V1ObjectMeta { NamespaceProperty = "payments", Name = "from-shop" } });
        var view = View();

        Assert.Null(view.ReferenceGrants);
        _grantsWatched = true;
        Assert.Equal(["payments/from-shop"], view.ReferenceGrants!.Select(g => $"{g.Namespace}/{g.Name}"));
    }

    [Fact]
    public void Grpc_routes_and_ingress_classes_are_mapped_and_found()
    {
        _grpcRoutes.Put(new GrpcRoute { Metadata = new V1ObjectMeta { NamespaceProperty = "shop", Name = "orders" }, Spec = new HttpRouteSpec() });
        _classes.Put(new V1IngressClass
        {
            Metadata = new V1ObjectMeta { Name = "nginx", Annotations = new Dictionary<string, string> { ["ingressclass.kubernetes.io/is-default-class"] = "true" } },
            Spec = new V1IngressClassSpec { Controller = "k8s.io/ingress-nginx" },
        });
        var view = View();

        Assert.Equal(new ObjectRef(ObjectKind.GrpcRoute, "shop", "orders"), view.GetGrpcRoute("shop", "orders")?.Ref);
        Assert.Single(view.GrpcRoutes);
        Assert.Equal([new IngressClassInfo("nginx", "k8s.io/ingress-nginx", IsDefault: true)], view.IngressClasses);
    }

    [Fact]
    public void An_advertisements_mode_comes_from_the_cache_it_is_in_not_from_its_kind_field()
    {
        _l2.Put(new MetalLbAdvertisement { Kind = null!, Metadata = new V1ObjectMeta { NamespaceProperty = "metallb-system", Name = "l2" } });
        _bgp.Put(new MetalLbAdvertisement { Kind = null!, Metadata = new V1ObjectMeta { NamespaceProperty = "metallb-system", Name = "bgp" } });

        Assert.Equal(["l2 Layer2", "bgp Bgp"], View().MetalLbAdvertisements.Select(a => $"{a.Name} {a.Mode}"));
    }
}
