using k8s;
using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Routing;
using LbOperator.Operator.Tests.Fakes;

namespace LbOperator.Operator.Tests.Routing;

public sealed class DependencyRouterTests
{
    private readonly InMemoryObjectStore<V1Service> _services = new();
    private readonly DependencyRouter _router;

    public DependencyRouterTests()
    {
        var index = new EndpointSliceIndex();
        _router = new DependencyRouter(index, new CacheClusterView(_services, new InMemoryObjectStore<V1EndpointSlice>(), new InMemoryObjectStore<V1Node>(),
            new InMemoryObjectStore<V1Ingress>(), new InMemoryObjectStore<HttpRoute>(), index));
    }

    [Fact]
    public void A_service_change_reaches_the_service_and_every_router_in_front_of_it()
    {
        _router.IngressChanged(null, ApiObjects.Ingress("shop", "web", "shop.example.com", "/", "web"));
        _router.IngressChanged(null, ApiObjects.Ingress("shop", "api", "api.example.com", "/", "api"));
        _router.HttpRouteChanged(null, Route("shop", "web-route", ("web", null), ("web-v2", null)));
        _router.HttpRouteChanged(null, Route("edge", "cross", ("web", "shop")));

        var keys = _router.ServiceChanged(null, ApiObjects.Service("shop", "web"));

        Assert.Equal(["HTTPRoute/edge/cross", "HTTPRoute/shop/web-route", "Ingress/shop/web", "Service/shop/web"], Sorted(keys));
    }

    [Fact]
    public void A_router_that_stops_pointing_at_a_service_no_longer_follows_it()
    {
        var before = Route("shop", "web-route", ("web", null));
        _router.HttpRouteChanged(null, before);
        _router.HttpRouteChanged(before, Route("shop", "web-route", ("web-v2", null)));

        Assert.Equal(["Service/shop/web"], Sorted(_router.ServiceChanged(ApiObjects.Service("shop", "web"), null)));
        Assert.Equal(["HTTPRoute/shop/web-route", "Service/shop/web-v2"], Sorted(_router.ServiceChanged(null, ApiObjects.Service("shop", "web-v2"))));
    }

    [Fact]
    public void An_endpoint_slice_change_reaches_its_service_before_and_after_a_relabel_and_their_routers()
    {
        _router.IngressChanged(null, ApiObjects.Ingress("shop", "web", "shop.example.com", "/", "web"));
        var before = ApiObjects.Slice("shop", "web-abc", "web", "node-1");

        var added = _router.EndpointSliceChanged(null, before);
        var relabelled = _router.EndpointSliceChanged(before, ApiObjects.Slice("shop", "web-abc", "api", "node-1"));
        var unlabelled = _router.EndpointSliceChanged(null, ApiObjects.Slice("shop", "orphan", null, "node-1"));

        Assert.Equal(["Ingress/shop/web", "Service/shop/web"], Sorted(added));
        Assert.Equal(["Ingress/shop/web", "Service/shop/api", "Service/shop/web"], Sorted(relabelled));
        Assert.Empty(unlabelled);
    }

    [Fact]
    public void A_node_heartbeat_that_changes_no_zone_or_cpu_reaches_nothing()
    {
        _router.EndpointSliceChanged(null, ApiObjects.Slice("shop", "web-abc", "web", "node-1"));
        var before = ApiObjects.Node("node-1");
        var after = ApiObjects.Node("node-1");
        after.Status.Conditions = [new V1NodeCondition { Type = "Ready", Status = "True" }];

        Assert.Empty(_router.NodeChanged(before, after));
    }

    [Fact]
    public void A_node_zone_change_reaches_services_on_it_and_every_topology_sensitive_service()
    {
        _router.EndpointSliceChanged(null, ApiObjects.Slice("shop", "web-abc", "web", "node-1"));
        _router.EndpointSliceChanged(null, ApiObjects.Slice("shop", "api-abc", "api", "node-2"));
        _services.Put(ApiObjects.Service("shop", "web"));
        _services.Put(ApiObjects.Service("shop", "api"));
        _services.Put(ApiObjects.Service("shop", "lb", externalTrafficPolicy: "Local", type: "LoadBalancer"));
        var zoned = ApiObjects.Service("shop", "zoned");
        zoned.Metadata.Annotations = new Dictionary<string, string> { ["service.kubernetes.io/topology-mode"] = "Auto" };
        _services.Put(zoned);
        var close = ApiObjects.Service("shop", "close");
        close.Spec.TrafficDistribution = "PreferClose";
        _services.Put(close);

        var keys = _router.NodeChanged(ApiObjects.Node("node-1", "zone-a"), ApiObjects.Node("node-1", "zone-b"));

        Assert.Equal(["Service/shop/close", "Service/shop/lb", "Service/shop/web", "Service/shop/zoned"], Sorted(keys));
    }

    [Fact]
    public void Over_caches_that_count_changes_a_node_change_still_sees_every_service_change_before_it()
    {
        var services = new InformerCache<V1Service>(new Lock(), _ => true, scopeCount: 1);
        var index = new EndpointSliceIndex();
        var router = new DependencyRouter(index, new CacheClusterView(services, new InMemoryObjectStore<V1EndpointSlice>(), new InMemoryObjectStore<V1Node>(),
            new InMemoryObjectStore<V1Ingress>(), new InMemoryObjectStore<HttpRoute>(), index));
        services.Replace(null, [ApiObjects.Service("shop", "web"), ApiObjects.Service("shop", "lb", externalTrafficPolicy: "Local", type: "LoadBalancer")]);

        var first = router.NodeChanged(null, ApiObjects.Node("node-1"));
        var unchanged = router.NodeChanged(null, ApiObjects.Node("node-2"));
        services.Apply(WatchEventType.Added, ApiObjects.Service("shop", "local", externalTrafficPolicy: "Local", type: "LoadBalancer"));
        services.Apply(WatchEventType.Deleted, ApiObjects.Service("shop", "lb"));
        var changed = router.NodeChanged(null, ApiObjects.Node("node-3"));

        Assert.Equal(["Service/shop/lb"], Sorted(first));
        Assert.Equal(["Service/shop/lb"], Sorted(unchanged));
        Assert.Equal(["Service/shop/local"], Sorted(changed));
    }

    [Fact]
    public void A_deleted_node_reaches_the_services_that_had_endpoints_on_it()
    {
        _router.EndpointSliceChanged(null, ApiObjects.Slice("shop", "web-abc", "web", "node-1"));

        Assert.Equal(["Service/shop/web"], Sorted(_router.NodeChanged(ApiObjects.Node("node-1"), null)));
    }

    [Fact]
    public void An_ingress_change_reaches_the_ingresses_sharing_a_host_and_path_before_and_after()
    {
        var canaryAnnotations = new Dictionary<string, string> { ["nginx.ingress.kubernetes.io/canary"] = "true" };
        _router.IngressChanged(null, ApiObjects.Ingress("shop", "main", "shop.example.com", "/", "web"));
        _router.IngressChanged(null, ApiObjects.Ingress("shop", "other", "other.example.com", "/", "other"));
        var canary = ApiObjects.Ingress("shop", "canary", "shop.example.com", "/", "web-v2", canaryAnnotations);

        var added = _router.IngressChanged(null, canary);
        var moved = _router.IngressChanged(canary, ApiObjects.Ingress("shop", "canary", "other.example.com", "/", "web-v2", canaryAnnotations));
        var deleted = _router.IngressChanged(ApiObjects.Ingress("shop", "main", "shop.example.com", "/", "web"), null);

        Assert.Equal(["Ingress/shop/canary", "Ingress/shop/main"], Sorted(added));
        Assert.Equal(["Ingress/shop/canary", "Ingress/shop/main", "Ingress/shop/other"], Sorted(moved));
        Assert.Equal(["Ingress/shop/main"], Sorted(deleted));
    }

    [Fact]
    public void A_change_to_the_service_behind_a_canary_reaches_the_main_ingress_too()
    {
        _router.IngressChanged(null, ApiObjects.Ingress("shop", "main", "shop.example.com", "/", "web"));
        _router.IngressChanged(null, ApiObjects.Ingress("shop", "canary", "shop.example.com", "/", "web-v2"));

        Assert.Equal(
            ["Ingress/shop/canary", "Ingress/shop/main", "Service/shop/web-v2"],
            Sorted(_router.EndpointSliceChanged(null, ApiObjects.Slice("shop", "web-v2-abc", "web-v2", "node-1"))));
    }

    [Fact]
    public void An_httproute_change_reaches_itself_also_when_deleted()
    {
        var route = Route("shop", "web-route", ("web", null));

        Assert.Equal(["HTTPRoute/shop/web-route"], Sorted(_router.HttpRouteChanged(null, route)));
        Assert.Equal(["HTTPRoute/shop/web-route"], Sorted(_router.HttpRouteChanged(route, null)));
        Assert.Equal(["Service/shop/web"], Sorted(_router.ServiceChanged(ApiObjects.Service("shop", "web"), null)));
    }

    private static string[] Sorted(IEnumerable<ObjectRef> keys) => keys.Select(key => key.ToString()).Order(StringComparer.Ordinal).ToArray();

    private static HttpRoute Route(string ns, string name, params (string Service, string? Namespace)[] backends) => new()
    {
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name },
        Spec = new HttpRouteSpec
        {
            Rules = [new HttpRouteRule { BackendRefs = backends.Select(backend => new HttpBackendRef { Name = backend.Service, Namespace = backend.Namespace, Port = 80 }).ToList() }],
        },
    };
}
