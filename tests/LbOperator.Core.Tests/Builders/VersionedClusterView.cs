using LbOperator.Core.Model;

namespace LbOperator.Core.Tests.Builders;

/// <summary>
/// A view whose Nodes, Ingresses and HTTPRoutes, and the versions it reports for them, a test sets by hand;
/// it counts how often each collection is read, so a test sees whether an analyzer read it again.
/// </summary>
internal sealed class VersionedClusterView : IClusterView
{
    private IReadOnlyCollection<NodeInfo> _nodes = [];
    private IReadOnlyCollection<IngressInfo> _ingresses = [];
    private IReadOnlyCollection<HttpRouteInfo> _routes = [];

    public long? NodesVersion { get; set; }

    public long? IngressesVersion { get; set; }

    public long? RoutesVersion { get; set; }

    public int IngressReads { get; private set; }

    public int RouteReads { get; private set; }

    public IReadOnlyCollection<NodeInfo> Nodes
    {
        get => _nodes;
        set => _nodes = value;
    }

    public IReadOnlyCollection<IngressInfo> Ingresses
    {
        get
        {
            IngressReads++;
            return _ingresses;
        }

        set => _ingresses = value;
    }

    public IReadOnlyCollection<HttpRouteInfo> HttpRoutes
    {
        get
        {
            RouteReads++;
            return _routes;
        }

        set => _routes = value;
    }

    public IReadOnlyCollection<ServiceInfo> Services => [];

    public ServiceInfo? GetService(string @namespace, string name) => null;

    public IReadOnlyList<EndpointSliceInfo> GetEndpointSlices(string @namespace, string serviceName) => [];

    public NodeInfo? GetNode(string name) => _nodes.FirstOrDefault(node => node.Name == name);

    public IngressInfo? GetIngress(string @namespace, string name) => _ingresses.FirstOrDefault(i => i.Namespace == @namespace && i.Name == name);

    public HttpRouteInfo? GetHttpRoute(string @namespace, string name) => _routes.FirstOrDefault(r => r.Namespace == @namespace && r.Name == name);
}
