namespace LbOperator.Core.Model;

/// <summary>
/// An <see cref="IClusterView"/> over fixed object lists, indexed once so every lookup is a hash hit.
/// When two objects share a namespace and name, the later one wins, as a later manifest document would.
/// </summary>
public sealed class InMemoryClusterView : IClusterView
{
    private readonly Dictionary<(string Namespace, string Name), ServiceInfo> _services = [];
    private readonly Dictionary<(string Namespace, string Service), List<EndpointSliceInfo>> _slicesByService = [];
    private readonly Dictionary<string, NodeInfo> _nodes = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), IngressInfo> _ingresses = [];
    private readonly Dictionary<(string Namespace, string Name), HttpRouteInfo> _routes = [];
    private readonly Dictionary<(string Namespace, string Name), HttpRouteInfo> _grpcRoutes = [];
    private readonly Dictionary<string, IngressClassInfo> _ingressClasses = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Namespace, string Name), ReferenceGrantInfo> _grants = [];
    private readonly Dictionary<(MetalLbMode Mode, string Namespace, string Name), MetalLbAdvertisementInfo> _advertisements = [];

    public InMemoryClusterView(
        IEnumerable<ServiceInfo> services,
        IEnumerable<EndpointSliceInfo> endpointSlices,
        IEnumerable<NodeInfo> nodes,
        IEnumerable<IngressInfo> ingresses,
        IEnumerable<HttpRouteInfo> httpRoutes,
        ClusterExtras? extras = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(endpointSlices);
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(ingresses);
        ArgumentNullException.ThrowIfNull(httpRoutes);

        foreach (var service in services)
        {
            _services[(service.Namespace, service.Name)] = service;
        }

        IndexSlices(endpointSlices);

        foreach (var node in nodes)
        {
            _nodes[node.Name] = node;
        }

        foreach (var ingress in ingresses)
        {
            _ingresses[(ingress.Namespace, ingress.Name)] = ingress;
        }

        foreach (var route in httpRoutes)
        {
            (route.Kind == ObjectKind.GrpcRoute ? _grpcRoutes : _routes)[(route.Namespace, route.Name)] = route;
        }

        IndexExtras(extras ?? ClusterExtras.None);
    }

    public IReadOnlyCollection<ServiceInfo> Services => _services.Values;

    public IReadOnlyCollection<NodeInfo> Nodes => _nodes.Values;

    public IReadOnlyCollection<IngressInfo> Ingresses => _ingresses.Values;

    public IReadOnlyCollection<HttpRouteInfo> HttpRoutes => _routes.Values;

    public IReadOnlyCollection<HttpRouteInfo> GrpcRoutes => _grpcRoutes.Values;

    public IReadOnlyCollection<IngressClassInfo> IngressClasses => _ingressClasses.Values;

    /// <summary>Never null: what is not in the input does not exist, as the API server would say.</summary>
    public IReadOnlyCollection<ReferenceGrantInfo> ReferenceGrants => _grants.Values;

    public IReadOnlyCollection<MetalLbAdvertisementInfo> MetalLbAdvertisements => _advertisements.Values;

    public ServiceInfo? GetService(string @namespace, string name) =>
        _services.GetValueOrDefault((@namespace, name));

    public IReadOnlyList<EndpointSliceInfo> GetEndpointSlices(string @namespace, string serviceName) =>
        _slicesByService.TryGetValue((@namespace, serviceName), out var slices) ? slices : [];

    public NodeInfo? GetNode(string name) => _nodes.GetValueOrDefault(name);

    public IngressInfo? GetIngress(string @namespace, string name) =>
        _ingresses.GetValueOrDefault((@namespace, name));

    public HttpRouteInfo? GetHttpRoute(string @namespace, string name) =>
        _routes.GetValueOrDefault((@namespace, name));

    public HttpRouteInfo? GetGrpcRoute(string @namespace, string name) =>
        _grpcRoutes.GetValueOrDefault((@namespace, name));

    private void IndexExtras(ClusterExtras extras)
    {
        foreach (var ingressClass in extras.IngressClasses)
        {
            _ingressClasses[ingressClass.Name] = ingressClass;
        }

        foreach (var grant in extras.ReferenceGrants)
        {
            _grants[(grant.Namespace, grant.Name)] = grant;
        }

        foreach (var advertisement in extras.MetalLbAdvertisements)
        {
            _advertisements[(advertisement.Mode, advertisement.Namespace, advertisement.Name)] = advertisement;
        }
    }

    private void IndexSlices(IEnumerable<EndpointSliceInfo> endpointSlices)
    {
        var byName = new Dictionary<(string Namespace, string Name), EndpointSliceInfo>();
        foreach (var slice in endpointSlices)
        {
            byName[(slice.Namespace, slice.Name)] = slice;
        }

        foreach (var slice in byName.Values)
        {
            var key = (slice.Namespace, slice.ServiceName);
            if (!_slicesByService.TryGetValue(key, out var list))
            {
                list = [];
                _slicesByService[key] = list;
            }

            list.Add(slice);
        }
    }
}
