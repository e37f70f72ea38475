using k8s;
using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Tests.Fakes;

namespace LbOperator.Operator.Tests.Caching;

public sealed class CacheClusterViewTests
{
    private readonly InMemoryObjectStore<V1Service> _services = new();
    private readonly InMemoryObjectStore<V1EndpointSlice> _slices = new();
    private readonly InMemoryObjectStore<V1Node> _nodes = new();
    private readonly InMemoryObjectStore<V1Ingress> _ingresses = new();
    private readonly InMemoryObjectStore<HttpRoute> _routes = new();
    private readonly EndpointSliceIndex _index = new();
    private readonly CacheClusterView _view;

    public CacheClusterViewTests() => _view = new CacheClusterView(_services, _slices, _nodes, _ingresses, _routes, _index);

    [Fact]
    public void A_services_endpoint_slices_are_found_across_slices_and_only_its_own()
    {
        PutSlice(ApiObjects.Slice("shop", "web-b", "web", "node-2"));
        PutSlice(ApiObjects.Slice("shop", "web-a", "web", "node-1", "node-1"));
        PutSlice(ApiObjects.Slice("shop", "api-a", "api", "node-1"));
        PutSlice(ApiObjects.Slice("other", "web-a", "web", "node-3"));
        PutSlice(ApiObjects.Slice("shop", "unlabelled", null, "node-1"));

        var slices = _view.GetEndpointSlices("shop", "web");

        Assert.Equal(["web-a", "web-b"], slices.Select(slice => slice.Name));
        Assert.Equal(3, slices.Sum(slice => slice.Endpoints.Count));
    }

    [Fact]
    public void A_relabelled_slice_moves_to_its_new_service_and_a_deleted_one_goes()
    {
        PutSlice(ApiObjects.Slice("shop", "web-a", "web", "node-1"));
        PutSlice(ApiObjects.Slice("shop", "web-b", "web", "node-2"));

        PutSlice(ApiObjects.Slice("shop", "web-a", "api", "node-1"));
        _index.Apply(_slices.Remove("shop", "web-b"), null);

        Assert.Empty(_view.GetEndpointSlices("shop", "web"));
        Assert.Equal("web-a", Assert.Single(_view.GetEndpointSlices("shop", "api")).Name);
    }

    [Fact]
    public void Services_with_endpoints_on_a_node_are_known_without_a_scan()
    {
        PutSlice(ApiObjects.Slice("shop", "web-a", "web", "node-1", "node-2"));
        PutSlice(ApiObjects.Slice("shop", "api-a", "api", "node-2"));

        PutSlice(ApiObjects.Slice("shop", "web-a", "web", "node-1"));

        Assert.Equal([("shop", "web")], _index.ServicesOnNode("node-1"));
        Assert.Equal([("shop", "api")], _index.ServicesOnNode("node-2"));
        Assert.Empty(_index.ServicesOnNode("node-9"));
    }

    [Fact]
    public void A_record_is_mapped_once_per_object_version()
    {
        _services.Put(ApiObjects.Service("shop", "web", resourceVersion: "1"));

        var first = _view.GetService("shop", "web");
        var again = _view.GetService("shop", "web");
        _services.Put(ApiObjects.Service("shop", "web", externalTrafficPolicy: "Local", type: "LoadBalancer", resourceVersion: "2"));
        var updated = _view.GetService("shop", "web");

        Assert.Same(first, again);
        Assert.NotSame(first, updated);
        Assert.Equal(Core.Model.TrafficPolicy.Local, updated!.ExternalTrafficPolicy);
    }

    [Fact]
    public void Every_kind_reads_through_to_its_store()
    {
        _services.Put(ApiObjects.Service("shop", "web"));
        _nodes.Put(ApiObjects.Node("node-1", "zone-b", "8"));
        _ingresses.Put(ApiObjects.Ingress("shop", "web", "shop.example.com", "/", "web"));

        Assert.Equal("web", Assert.Single(_view.Services).Name);
        Assert.Equal(("zone-b", 8.0), (_view.GetNode("node-1")!.Zone, _view.GetNode("node-1")!.AllocatableCpuCores));
        Assert.Single(_view.Nodes);
        Assert.Equal("web", _view.GetIngress("shop", "web")!.Paths[0].Backend.ServiceName);
        Assert.Single(_view.Ingresses);
        Assert.Null(_view.GetHttpRoute("shop", "web"));
        Assert.Empty(_view.HttpRoutes);
        Assert.Null(_view.GetService("shop", "missing"));
    }

    [Fact]
    public void The_nodes_are_mapped_once_until_the_node_cache_changes()
    {
        var nodes = new InformerCache<V1Node>(new Lock(), _ => true, scopeCount: 1);
        var view = new CacheClusterView(_services, _slices, nodes, _ingresses, _routes, _index);
        nodes.Replace(null, [Versioned(ApiObjects.Node("node-1"), "1")]);

        var first = view.Nodes;
        var version = view.NodesVersion;
        var again = view.Nodes;
        nodes.Replace(null, [Versioned(ApiObjects.Node("node-1"), "1")]);
        var relisted = view.Nodes;
        nodes.Apply(WatchEventType.Added, Versioned(ApiObjects.Node("node-2"), "2"));
        var changed = view.Nodes;

        Assert.Same(first, again);
        Assert.Same(first, relisted);
        Assert.Equal(version, view.NodesVersion - 1);
        Assert.Equal(["node-1", "node-2"], changed.Select(node => node.Name).Order());
    }

    [Fact]
    public void The_services_are_mapped_once_until_the_service_cache_changes()
    {
        var services = new InformerCache<V1Service>(new Lock(), _ => true, scopeCount: 1);
        var view = new CacheClusterView(services, _slices, _nodes, _ingresses, _routes, _index);
        services.Replace(null, [ApiObjects.Service("shop", "web")]);

        var first = view.Services;
        var again = view.Services;
        services.Apply(WatchEventType.Modified, ApiObjects.Service("shop", "web", externalTrafficPolicy: "Local", type: "LoadBalancer", resourceVersion: "2"));
        var changed = view.Services;

        Assert.Same(first, again);
        Assert.NotSame(first, changed);
        Assert.Equal(TrafficPolicy.Local, Assert.Single(changed).ExternalTrafficPolicy);
    }

    [Fact]
    public void The_routes_are_mapped_once_and_keep_their_version_until_a_route_cache_changes()
    {
        var routes = new InformerCache<HttpRoute>(new Lock(), _ => true, scopeCount: 1);
        var view = new CacheClusterView(_services, _slices, _nodes, _ingresses, routes, _index);
        routes.Replace(null, [Route("canary", "1")]);

        var first = view.HttpRoutes;
        var version = view.RoutesVersion;
        var again = view.HttpRoutes;
        routes.Apply(WatchEventType.Modified, Route("canary", "2"));

        Assert.Same(first, again);
        Assert.NotSame(first, view.HttpRoutes);
        Assert.True(view.RoutesVersion > version);
    }

    [Fact]
    public void The_ingresses_are_mapped_once_and_keep_their_version_until_the_ingress_cache_changes()
    {
        var ingresses = new InformerCache<V1Ingress>(new Lock(), _ => true, scopeCount: 1);
        var view = new CacheClusterView(_services, _slices, _nodes, ingresses, _routes, _index);
        ingresses.Replace(null, [ApiObjects.Ingress("shop", "web", "shop.example", "/", "web")]);

        var first = view.Ingresses;
        var version = view.IngressesVersion;
        var again = view.Ingresses;
        var changed = ApiObjects.Ingress("shop", "web", "shop.example", "/", "web-v2");
        changed.Metadata.ResourceVersion = "2";
        ingresses.Apply(WatchEventType.Modified, changed);

        Assert.Same(first, again);
        Assert.NotSame(first, view.Ingresses);
        Assert.True(view.IngressesVersion > version);
        Assert.Null(_view.IngressesVersion);
    }

    [Fact]
    public void A_view_over_stores_that_do_not_count_changes_has_no_routes_version()
    {
        _routes.Put(Route("canary", "1"));

        Assert.Null(_view.RoutesVersion);
        Assert.Equal("canary", Assert.Single(_view.HttpRoutes).Name);
    }

    [Fact]
    public void A_view_over_stores_that_do_not_count_changes_has_no_node_version()
    {
        _nodes.Put(ApiObjects.Node("node-1"));

        Assert.Null(_view.NodesVersion);
        Assert.Equal("node-1", Assert.Single(_view.Nodes).Name);
    }

    private static V1Node Versioned(V1Node node, string resourceVersion)
    {
        node.Metadata.ResourceVersion = resourceVersion;
        return node;
    }

    private void PutSlice(V1EndpointSlice slice) => _index.Apply(_slices.Put(slice), slice);

    private static HttpRoute Route(string name, string resourceVersion) =>
        new() { Metadata = new() { Name = name, NamespaceProperty = "shop", ResourceVersion = resourceVersion }, Spec = new HttpRouteSpec() };
}
