using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Mapping;
using LbOperator.Kubernetes.MetalLb;
using LbOperator.Runtime;

namespace LbOperator.Operator.Caching;

/// <summary>
/// The analysis core's view of the cluster, read from the informer caches. Records are mapped once per
/// object version; EndpointSlices are found through <see cref="EndpointSliceIndex"/>, never by a scan.
/// Safe to share between reconcile workers and the admission webhook.
/// </summary>
public sealed class CacheClusterView : IClusterView
{
    private readonly IObjectStore<V1Service> _services;
    private readonly IObjectStore<V1EndpointSlice> _slices;
    private readonly IObjectStore<V1Node> _nodes;
    private readonly IObjectStore<V1Ingress> _ingresses;
    private readonly IObjectStore<HttpRoute> _routes;
    private readonly EndpointSliceIndex _sliceIndex;
    private readonly MappedRecords<V1Service, ServiceInfo> _serviceRecords = new(ServiceMapper.Map);
    private readonly MappedRecords<V1EndpointSlice, EndpointSliceInfo> _sliceRecords = new(EndpointSliceMapper.Map);
    private readonly MappedRecords<V1Node, NodeInfo> _nodeRecords = new(NodeMapper.Map);
    private readonly MappedRecords<V1Ingress, IngressInfo> _ingressRecords = new(IngressMapper.Map);
    private readonly MappedRecords<HttpRoute, HttpRouteInfo> _routeRecords = new(HttpRouteMapper.Map);
    private readonly RoutingSettingsStores? _settings;

    // Every Service analysis reads all Nodes (traffic weights, provider detection) and every Node change
    // looks at all Services: at thousands of each, mapping them again for each would dominate a full audit.
    private readonly MappedSnapshot<V1Service, ServiceInfo> _serviceSnapshot;
    private readonly MappedSnapshot<V1Node, NodeInfo> _nodeSnapshot;

    // Every Service analysis looks for routes attached to the Service; the analyzer indexes them once per RoutesVersion.
    private readonly MappedSnapshot<HttpRoute, HttpRouteInfo> _routeSnapshot;
    private readonly MappedSnapshot<GrpcRoute, HttpRouteInfo>? _grpcSnapshot;

    // Every Ingress analysis groups all Ingresses by host+path; the analyzer does it once per IngressesVersion.
    private readonly MappedSnapshot<V1Ingress, IngressInfo> _ingressSnapshot;
    private readonly MappedSnapshot<V1IngressClass, IngressClassInfo>? _classSnapshot;

    private readonly MappedRecords<V1IngressClass, IngressClassInfo> _classRecords = new(ClusterSettingsMapper.Map);
    private readonly MappedRecords<GrpcRoute, HttpRouteInfo> _grpcRecords = new(HttpRouteMapper.Map);
    private readonly MappedRecords<ReferenceGrant, ReferenceGrantInfo> _grantRecords = new(ClusterSettingsMapper.Map);

    // The store, not the item's kind field, tells the mode: list items may come without their kind.
    private readonly MappedRecords<MetalLbAdvertisement, MetalLbAdvertisementInfo> _l2Records = new(a => ClusterSettingsMapper.Map(a) with { Mode = MetalLbMode.Layer2 });
    private readonly MappedRecords<MetalLbAdvertisement, MetalLbAdvertisementInfo> _bgpRecords = new(a => ClusterSettingsMapper.Map(a) with { Mode = MetalLbMode.Bgp });

    public CacheClusterView(
        IObjectStore<V1Service> services,
        IObjectStore<V1EndpointSlice> endpointSlices,
        IObjectStore<V1Node> nodes,
        IObjectStore<V1Ingress> ingresses,
        IObjectStore<HttpRoute> httpRoutes,
        EndpointSliceIndex sliceIndex,
        RoutingSettingsStores? settings = null)
    {
        _settings = settings;
        _services = services;
        _slices = endpointSlices;
        _nodes = nodes;
        _ingresses = ingresses;
        _routes = httpRoutes;
        _sliceIndex = sliceIndex;
        _serviceSnapshot = new(services, _serviceRecords);
        _nodeSnapshot = new(nodes, _nodeRecords);
        _routeSnapshot = new(httpRoutes, _routeRecords);
        _grpcSnapshot = settings is null ? null : new(settings.GrpcRoutes, _grpcRecords);
        _ingressSnapshot = new(ingresses, _ingressRecords);
        _classSnapshot = settings is null ? null : new(settings.IngressClasses, _classRecords);
    }

    /// <summary>The same instance for as long as the Service cache does not change (when it counts its changes).</summary>
    public IReadOnlyCollection<ServiceInfo> Services => _serviceSnapshot.Get();

    /// <summary>The same instance for as long as the Node cache does not change (when it counts its changes).</summary>
    public IReadOnlyCollection<NodeInfo> Nodes => _nodeSnapshot.Get();

    public long? NodesVersion => _nodeSnapshot.Version;

    /// <summary>The same instance for as long as the Ingress cache does not change (when it counts its changes).</summary>
    public IReadOnlyCollection<IngressInfo> Ingresses => _ingressSnapshot.Get();

    /// <summary>The Ingress and IngressClass caches' change counts added up (each only grows); null unless both count.</summary>
    public long? IngressesVersion => _classSnapshot is null ? _ingressSnapshot.Version : _ingressSnapshot.Version + _classSnapshot.Version;

    /// <summary>The same instance for as long as the HTTPRoute cache does not change (when it counts its changes).</summary>
    public IReadOnlyCollection<HttpRouteInfo> HttpRoutes => _routeSnapshot.Get();

    public IReadOnlyCollection<HttpRouteInfo> GrpcRoutes => _grpcSnapshot?.Get() ?? [];

    /// <summary>Both route caches' change counts added up (each only grows); null unless both count.</summary>
    public long? RoutesVersion => _grpcSnapshot is null ? _routeSnapshot.Version : _routeSnapshot.Version + _grpcSnapshot.Version;

    public IReadOnlyCollection<IngressClassInfo> IngressClasses => _classSnapshot?.Get() ?? [];

    public IReadOnlyCollection<MetalLbAdvertisementInfo> MetalLbAdvertisements =>
        [
            .. _settings?.L2Advertisements is { } l2 ? MapAll(l2, _l2Records) : [],
            .. _settings?.BgpAdvertisements is { } bgp ? MapAll(bgp, _bgpRecords) : [],
        ];

    public IReadOnlyCollection<ReferenceGrantInfo>? ReferenceGrants =>
        _settings is { } settings && settings.ReferenceGrantsKnown() ? MapAll(settings.ReferenceGrants, _grantRecords) : null;

    public ServiceInfo? GetService(string @namespace, string name) => Map(_services.Get(@namespace, name), _serviceRecords);

    public IReadOnlyList<EndpointSliceInfo> GetEndpointSlices(string @namespace, string serviceName)
    {
        var result = new List<EndpointSliceInfo>();
        foreach (var sliceName in _sliceIndex.SlicesOf(@namespace, serviceName))
        {
            if (Map(_slices.Get(@namespace, sliceName), _sliceRecords) is { } slice && slice.ServiceName == serviceName)
            {
                result.Add(slice);
            }
        }

        return result;
    }

    public NodeInfo? GetNode(string name) => Map(_nodes.Get(null, name), _nodeRecords);

    public IngressInfo? GetIngress(string @namespace, string name) => Map(_ingresses.Get(@namespace, name), _ingressRecords);

    public HttpRouteInfo? GetHttpRoute(string @namespace, string name) => Map(_routes.Get(@namespace, name), _routeRecords);

    public HttpRouteInfo? GetGrpcRoute(string @namespace, string name) => Map(_settings?.GrpcRoutes.Get(@namespace, name), _grpcRecords);

    private static TRecord? Map<TSource, TRecord>(TSource? source, MappedRecords<TSource, TRecord> records)
        where TSource : class
        where TRecord : class =>
        source is null ? null : records.Get(source);

    private static TRecord[] MapAll<TSource, TRecord>(IObjectStore<TSource> store, MappedRecords<TSource, TRecord> records)
        where TSource : class, k8s.IKubernetesObject<V1ObjectMeta>
        where TRecord : class =>
        store.List().Select(records.Get).OfType<TRecord>().ToArray();
}
