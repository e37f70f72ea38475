using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Mapping;

namespace LbOperator.Operator.Routing;

/// <summary>
/// The routing of what shapes traffic without being audited itself: GRPCRoutes and mesh routes,
/// IngressClasses, ReferenceGrants and MetalLB advertisements.
/// </summary>
public sealed partial class DependencyRouter
{
    /// <summary>As <see cref="HttpRouteChanged"/>, for a GRPCRoute.</summary>
    public IReadOnlyCollection<ObjectRef> GrpcRouteChanged(GrpcRoute? old, GrpcRoute? current) =>
        RouteChanged((old ?? current)?.Metadata, current is null ? null : HttpRouteMapper.Map(current), ObjectKind.GrpcRoute);

    /// <summary>Every Ingress: a class decides which controller, and so which model, serves each of them.</summary>
    public IReadOnlyCollection<ObjectRef> IngressClassChanged(V1IngressClass? old, V1IngressClass? current)
    {
        if (old is not null && current is not null && ClusterSettingsMapper.Map(old) == ClusterSettingsMapper.Map(current))
        {
            return [];
        }

        return _ingresses?.List().Select(i => new ObjectRef(ObjectKind.Ingress, NamespaceOf(i.Metadata), i.Metadata.Name)).ToArray() ?? [];
    }

    /// <summary>The routes with a backend in the grant's namespace, and the Services they are mesh routes of.</summary>
    public IReadOnlyCollection<ObjectRef> ReferenceGrantChanged(ReferenceGrant? old, ReferenceGrant? current)
    {
        var keys = new HashSet<ObjectRef>();
        foreach (var grant in new[] { old, current })
        {
            if (grant?.Metadata is { } metadata)
            {
                foreach (var route in _routeBackendNamespaces.SourcesOf(NamespaceOf(metadata)))
                {
                    keys.Add(route);
                    AddMeshParents(keys, route);
                }
            }
        }

        return keys;
    }

    private HashSet<ObjectRef> RouteChanged(V1ObjectMeta? metadata, HttpRouteInfo? current, ObjectKind kind)
    {
        if (metadata?.Name is not { Length: > 0 } name)
        {
            return [];
        }

        var key = new ObjectRef(kind, NamespaceOf(metadata), name);
        var backends = current is null ? [] : RouteBackends(current).ToArray();
        _backends.Set(key, backends);
        _routeBackendNamespaces.Set(key, backends.Select(b => b.Namespace));
        var keys = new HashSet<ObjectRef> { key };
        AddMeshParents(keys, key);
        _meshParents.Set(key, current is null ? [] : MeshParents(current));
        AddMeshParents(keys, key);
        return keys;
    }

    private void AddMeshParents(HashSet<ObjectRef> keys, ObjectRef route)
    {
        foreach (var parent in _meshParents.TargetsOf(route))
        {
            keys.Add(new ObjectRef(ObjectKind.Service, parent.Namespace, parent.Name));
        }
    }

    private static IEnumerable<ServiceKey> MeshParents(HttpRouteInfo route) =>
        (route.ParentRefs ?? []).Where(p => p.IsService).Select(p => new ServiceKey(p.Namespace ?? route.Namespace, p.Name));

    /// <summary>Every LoadBalancer Service and its routers: an advertisement decides how MetalLB announces them.</summary>
    public IReadOnlyCollection<ObjectRef> MetalLbAdvertisementChanged()
    {
        var services = new List<ServiceKey>();
        foreach (var service in _view.Services)
        {
            if (service.Type == ServiceType.LoadBalancer)
            {
                services.Add(new ServiceKey(service.Namespace, service.Name));
            }
        }

        return WithRouters(services);
    }
}
