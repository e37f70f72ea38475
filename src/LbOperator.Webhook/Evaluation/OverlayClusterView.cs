using LbOperator.Core.Model;

namespace LbOperator.Webhook.Evaluation;

/// <summary>
/// The operator's caches as they would be once the object under review is stored: the object replaces
/// its namesake or is added. Collections are built once, on first use, because most analyses never ask.
/// </summary>
public sealed class OverlayClusterView(IClusterView inner, AdmittedObject overlay) : IClusterView
{
    private IReadOnlyCollection<ServiceInfo>? services;
    private IReadOnlyCollection<IngressInfo>? ingresses;
    private IReadOnlyCollection<HttpRouteInfo>? httpRoutes;
    private IReadOnlyCollection<HttpRouteInfo>? grpcRoutes;

    public IReadOnlyCollection<NodeInfo> Nodes => inner.Nodes;

    public IReadOnlyCollection<ServiceInfo> Services =>
        services ??= Replace(inner.Services, overlay.Service, static s => s.Ref);

    public IReadOnlyCollection<IngressInfo> Ingresses =>
        ingresses ??= Replace(inner.Ingresses, overlay.Ingress, static i => i.Ref);

    public IReadOnlyCollection<HttpRouteInfo> HttpRoutes =>
        httpRoutes ??= Replace(inner.HttpRoutes, RouteOf(ObjectKind.HttpRoute), static r => r.Ref);

    public IReadOnlyCollection<HttpRouteInfo> GrpcRoutes =>
        grpcRoutes ??= Replace(inner.GrpcRoutes, RouteOf(ObjectKind.GrpcRoute), static r => r.Ref);

    public IReadOnlyCollection<IngressClassInfo> IngressClasses => inner.IngressClasses;

    public IReadOnlyCollection<ReferenceGrantInfo>? ReferenceGrants => inner.ReferenceGrants;

    public IReadOnlyCollection<MetalLbAdvertisementInfo> MetalLbAdvertisements => inner.MetalLbAdvertisements;

    public ServiceInfo? GetService(string @namespace, string name) =>
        Matches(overlay.Service?.Ref, ObjectKind.Service, @namespace, name) ? overlay.Service : inner.GetService(@namespace, name);

    public IngressInfo? GetIngress(string @namespace, string name) =>
        Matches(overlay.Ingress?.Ref, ObjectKind.Ingress, @namespace, name) ? overlay.Ingress : inner.GetIngress(@namespace, name);

    public HttpRouteInfo? GetHttpRoute(string @namespace, string name) =>
        Matches(overlay.HttpRoute?.Ref, ObjectKind.HttpRoute, @namespace, name) ? overlay.HttpRoute : inner.GetHttpRoute(@namespace, name);

    public HttpRouteInfo? GetGrpcRoute(string @namespace, string name) =>
        Matches(overlay.HttpRoute?.Ref, ObjectKind.GrpcRoute, @namespace, name) ? overlay.HttpRoute : inner.GetGrpcRoute(@namespace, name);

    public IReadOnlyList<EndpointSliceInfo> GetEndpointSlices(string @namespace, string serviceName) =>
        inner.GetEndpointSlices(@namespace, serviceName);

    public NodeInfo? GetNode(string name) => inner.GetNode(name);

    private HttpRouteInfo? RouteOf(ObjectKind kind) => overlay.HttpRoute?.Kind == kind ? overlay.HttpRoute : null;

    private static bool Matches(ObjectRef? overlayRef, ObjectKind kind, string @namespace, string name) =>
        overlayRef is not null && overlayRef.Kind == kind && overlayRef.Namespace == @namespace && overlayRef.Name == name;

    private static IReadOnlyCollection<T> Replace<T>(IReadOnlyCollection<T> items, T? replacement, Func<T, ObjectRef> refOf)
        where T : class
    {
        if (replacement is null)
        {
            return items;
        }

        var target = refOf(replacement);
        var result = new List<T>(items.Count + 1);
        foreach (var item in items)
        {
            if (refOf(item) != target)
            {
                result.Add(item);
            }
        }

        result.Add(replacement);
        return result;
    }
}
