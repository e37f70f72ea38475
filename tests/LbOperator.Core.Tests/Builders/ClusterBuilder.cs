using LbOperator.Core.Model;

namespace LbOperator.Core.Tests.Builders;

/// <summary>Assembles an <see cref="InMemoryClusterView"/> for one test.</summary>
internal sealed class ClusterBuilder
{
    private readonly List<ServiceInfo> _services = [];
    private readonly List<EndpointSliceInfo> _slices = [];
    private readonly List<NodeInfo> _nodes = [];
    private readonly List<IngressInfo> _ingresses = [];
    private readonly List<HttpRouteInfo> _routes = [];
    private readonly List<IngressClassInfo> _ingressClasses = [];
    private readonly List<ReferenceGrantInfo> _grants = [];
    private readonly List<MetalLbAdvertisementInfo> _advertisements = [];

    public ClusterBuilder With(ServiceInfo service)
    {
        _services.Add(service);
        return this;
    }

    public ClusterBuilder With(EndpointSliceInfo slice)
    {
        _slices.Add(slice);
        return this;
    }

    public ClusterBuilder With(NodeInfo node)
    {
        _nodes.Add(node);
        return this;
    }

    public ClusterBuilder With(IngressInfo ingress)
    {
        _ingresses.Add(ingress);
        return this;
    }

    public ClusterBuilder With(HttpRouteInfo route)
    {
        _routes.Add(route);
        return this;
    }

    public ClusterBuilder With(IngressClassInfo ingressClass)
    {
        _ingressClasses.Add(ingressClass);
        return this;
    }

    public ClusterBuilder With(ReferenceGrantInfo grant)
    {
        _grants.Add(grant);
        return this;
    }

    public ClusterBuilder With(MetalLbAdvertisementInfo advertisement)
    {
        _advertisements.Add(advertisement);
        return this;
    }

    /// <summary>Nodes named after their zone's last letter and an index, e.g. <c>a1</c> in <c>eu-west-1a</c>.</summary>
    public ClusterBuilder ZonedNodes(string? providerId, params string[] nodes)
    {
        foreach (var node in nodes)
        {
            With(Objects.Node(node, "eu-west-1" + node[0], providerId: providerId));
        }

        return this;
    }

    /// <summary>A ClusterIP Service with ready pods named <c>{service}-{n}</c> placed on the given nodes.</summary>
    public ClusterBuilder ServiceWithPods(string service, params (string Node, int Pods)[] placement) =>
        With(Objects.Service(service)).Pods(service, placement);

    /// <summary>One slice of ready pods named <c>{service}-{n}</c>, <paramref name="placement"/> pods per node.</summary>
    public ClusterBuilder Pods(string service, params (string Node, int Pods)[] placement)
    {
        var endpoints = new List<EndpointInfo>();
        foreach (var (node, pods) in placement)
        {
            for (var i = 0; i < pods; i++)
            {
                endpoints.Add(Objects.Endpoint($"{service}-{endpoints.Count}", node));
            }
        }

        return With(Objects.Slice(service, $"{service}-slice-{_slices.Count}", endpoints.ToArray()));
    }

    public InMemoryClusterView Build() =>
        new(_services, _slices, _nodes, _ingresses, _routes, new ClusterExtras(_ingressClasses, _grants, _advertisements));
}
