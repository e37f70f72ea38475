namespace LbOperator.Core.Model;

/// <summary>
/// Read access to the objects an analysis needs. The CLI backs it with manifests, the operator with
/// its informer caches, and the webhook with those caches plus the incoming object.
/// </summary>
public interface IClusterView
{
    ServiceInfo? GetService(string @namespace, string name);

    /// <summary>All EndpointSlices labelled for the Service, across slices.</summary>
    IReadOnlyList<EndpointSliceInfo> GetEndpointSlices(string @namespace, string serviceName);

    NodeInfo? GetNode(string name);

    IReadOnlyCollection<NodeInfo> Nodes { get; }

    IngressInfo? GetIngress(string @namespace, string name);

    /// <summary>Every Ingress, for grouping main and canary Ingresses by host+path.</summary>
    IReadOnlyCollection<IngressInfo> Ingresses { get; }

    HttpRouteInfo? GetHttpRoute(string @namespace, string name);

    IReadOnlyCollection<ServiceInfo> Services { get; }

    IReadOnlyCollection<HttpRouteInfo> HttpRoutes { get; }
}
