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

    /// <summary>
    /// Changes whenever <see cref="Nodes"/> does; null when the view does not track it. With it, an analyzer
    /// reuses what it derived from every Node (traffic weights) across analyses.
    /// </summary>
    long? NodesVersion => null;

    IngressInfo? GetIngress(string @namespace, string name);

    /// <summary>Every Ingress, for grouping main and canary Ingresses by host+path.</summary>
    IReadOnlyCollection<IngressInfo> Ingresses { get; }

    /// <summary>
    /// Changes whenever <see cref="Ingresses"/> or <see cref="IngressClasses"/> does; null when the view does not
    /// track it. With it, an analyzer reuses its grouping of every Ingress by host+path across analyses.
    /// </summary>
    long? IngressesVersion => null;

    HttpRouteInfo? GetHttpRoute(string @namespace, string name);

    IReadOnlyCollection<ServiceInfo> Services { get; }

    IReadOnlyCollection<HttpRouteInfo> HttpRoutes { get; }

    /// <summary>GRPCRoutes (as <see cref="HttpRouteInfo"/> of kind <see cref="ObjectKind.GrpcRoute"/>); empty where the API is not served.</summary>
    IReadOnlyCollection<HttpRouteInfo> GrpcRoutes => [];

    /// <summary>
    /// Changes whenever <see cref="HttpRoutes"/> or <see cref="GrpcRoutes"/> does; null when the view does not
    /// track it. With it, an analyzer reuses its index of the routes attached to Services (mesh routes) across analyses.
    /// </summary>
    long? RoutesVersion => null;

    HttpRouteInfo? GetGrpcRoute(string @namespace, string name) => null;

    /// <summary>IngressClasses; empty when none is known, and then the class name alone decides.</summary>
    IReadOnlyCollection<IngressClassInfo> IngressClasses => [];

    /// <summary>
    /// ReferenceGrants, which allow a route to send to a Service in another namespace; null when the
    /// view cannot know them (the API is not watched), and then cross-namespace references are not judged.
    /// </summary>
    IReadOnlyCollection<ReferenceGrantInfo>? ReferenceGrants => null;

    /// <summary>MetalLB L2Advertisements and BGPAdvertisements, which tell how MetalLB announces a Service.</summary>
    IReadOnlyCollection<MetalLbAdvertisementInfo> MetalLbAdvertisements => [];
}
