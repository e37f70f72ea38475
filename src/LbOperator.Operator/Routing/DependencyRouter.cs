using k8s.Models;
using LbOperator.Core.Analysis.Services;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Mapping;
using LbOperator.Operator.Caching;
using LbOperator.Runtime;

namespace LbOperator.Operator.Routing;

/// <summary>
/// Turns an observed change of any watched kind into the audited keys whose analysis it can change,
/// keeping the reverse indexes it needs (backend Service → routers, host+path → Ingresses, and through
/// <see cref="EndpointSliceIndex"/> Service → slices and node → Services) from the changes themselves.
/// Both the old and the new state count, so a route that stops pointing at a Service re-audits it too.
/// Deletes route like any change, so state and metrics of what is gone get cleaned up.
/// </summary>
public sealed partial class DependencyRouter
{
    private readonly EndpointSliceIndex _slices;
    private readonly IClusterView _view;
    private readonly ReverseIndex<ObjectRef, ServiceKey> _backends = new();
    private readonly ReverseIndex<ObjectRef, HostPath> _hostPaths = new();
    private readonly ReverseIndex<ObjectRef, ServiceKey> _meshParents = new();
    private readonly ReverseIndex<ObjectRef, string> _routeBackendNamespaces = new();
    private readonly IObjectStore<V1Ingress>? _ingresses;
    private volatile Dependents? _dependents;

    /// <param name="ingresses">Every Ingress, re-audited when an IngressClass changes; none when null.</param>
    public DependencyRouter(EndpointSliceIndex slices, IClusterView view, IObjectStore<V1Ingress>? ingresses = null)
    {
        _slices = slices;
        _view = view;
        _ingresses = ingresses;
    }

    /// <summary>The Service itself and every Ingress and HTTPRoute that routes to it.</summary>
    public IReadOnlyCollection<ObjectRef> ServiceChanged(V1Service? old, V1Service? current)
    {
        var service = ServiceKeyOf((current ?? old)?.Metadata);
        return service is null ? [] : WithRouters([service.Value]);
    }

    /// <summary>The Service the slice feeds (before and after a relabel) and that Service's routers.</summary>
    public IReadOnlyCollection<ObjectRef> EndpointSliceChanged(V1EndpointSlice? old, V1EndpointSlice? current)
    {
        _slices.Apply(old, current);
        var services = new HashSet<ServiceKey>();
        foreach (var slice in new[] { old, current })
        {
            if (slice is not null && EndpointSliceIndex.ServiceOf(slice) is { } name)
            {
                services.Add(new ServiceKey(NamespaceOf(slice.Metadata), name));
            }
        }

        return WithRouters(services);
    }

    /// <summary>
    /// Nothing when the node's zone and allocatable CPU are unchanged (status heartbeats). Otherwise the
    /// Services with endpoints on it, plus every Service whose spread weighs all Nodes
    /// (the core's <see cref="NodeDependence"/>), and their routers.
    /// </summary>
    public IReadOnlyCollection<ObjectRef> NodeChanged(V1Node? old, V1Node? current)
    {
        if (old is not null && current is not null && NodeMapper.Map(old) == NodeMapper.Map(current))
        {
            return [];
        }

        var name = (current ?? old)?.Metadata?.Name;
        if (string.IsNullOrEmpty(name))
        {
            return [];
        }

        var services = _slices.ServicesOnNode(name).Select(service => new ServiceKey(service.Namespace, service.Service)).ToHashSet();
        services.UnionWith(EveryNodeDependents());
        return WithRouters(services);
    }

    /// <summary>
    /// The Services that depend on every Node, found again only when the view hands out a new Service
    /// collection: a Node list of thousands arriving after the Services would otherwise scan them all per Node.
    /// </summary>
    private ServiceKey[] EveryNodeDependents()
    {
        var all = _view.Services;
        if (_dependents is { } known && ReferenceEquals(known.Services, all))
        {
            return known.Keys;
        }

        var keys = all.Where(NodeDependence.DependsOnEveryNode).Select(service => new ServiceKey(service.Namespace, service.Name)).ToArray();
        _dependents = new Dependents(all, keys);
        return keys;
    }

    /// <summary>The Ingress and every Ingress sharing one of its host+paths, before or after the change (main and canary).</summary>
    public IReadOnlyCollection<ObjectRef> IngressChanged(V1Ingress? old, V1Ingress? current)
    {
        var subject = old ?? current;
        if (subject?.Metadata?.Name is not { Length: > 0 } name)
        {
            return [];
        }

        var key = new ObjectRef(ObjectKind.Ingress, NamespaceOf(subject.Metadata), name);
        var oldPaths = _hostPaths.TargetsOf(key);
        var mapped = current is null ? null : IngressMapper.Map(current);
        var newPaths = mapped?.Paths.Select(path => new HostPath(path.Host, path.Path)).ToArray() ?? [];
        _hostPaths.Set(key, newPaths);
        _backends.Set(key, mapped is null ? [] : IngressBackends(mapped));

        var keys = new HashSet<ObjectRef> { key };
        foreach (var hostPath in oldPaths.Concat(newPaths))
        {
            foreach (var sibling in _hostPaths.SourcesOf(hostPath))
            {
                keys.Add(sibling);
            }
        }

        return keys;
    }

    /// <summary>
    /// The HTTPRoute itself and the Services it is a mesh route of (before and after); its backends are
    /// remembered so Service changes reach it.
    /// </summary>
    public IReadOnlyCollection<ObjectRef> HttpRouteChanged(HttpRoute? old, HttpRoute? current) =>
        RouteChanged((old ?? current)?.Metadata, current is null ? null : HttpRouteMapper.Map(current), ObjectKind.HttpRoute);

    private HashSet<ObjectRef> WithRouters(IEnumerable<ServiceKey> services)
    {
        var keys = new HashSet<ObjectRef>();
        foreach (var service in services)
        {
            keys.Add(new ObjectRef(ObjectKind.Service, service.Namespace, service.Name));
            foreach (var router in _backends.SourcesOf(service))
            {
                keys.Add(router);
                if (router.Kind == ObjectKind.Ingress)
                {
                    AddIngressSiblings(keys, router);
                }
                else
                {
                    AddMeshParents(keys, router);
                }
            }
        }

        return keys;
    }

    private void AddIngressSiblings(HashSet<ObjectRef> keys, ObjectRef ingress)
    {
        foreach (var hostPath in _hostPaths.TargetsOf(ingress))
        {
            foreach (var sibling in _hostPaths.SourcesOf(hostPath))
            {
                keys.Add(sibling);
            }
        }
    }

    private static IEnumerable<ServiceKey> IngressBackends(IngressInfo ingress) =>
        ingress.Paths.Select(path => path.Backend)
            .Append(ingress.DefaultBackend)
            .Where(backend => backend is { IsService: true })
            .Select(backend => new ServiceKey(ingress.Namespace, backend!.ServiceName!));

    private static IEnumerable<ServiceKey> RouteBackends(HttpRouteInfo route) =>
        route.Rules.SelectMany(rule => rule.BackendRefs)
            .Where(backend => string.IsNullOrEmpty(backend.Group) && backend.Kind is null or "Service")
            .Select(backend => new ServiceKey(backend.Namespace ?? route.Namespace, backend.Name));

    private static ServiceKey? ServiceKeyOf(V1ObjectMeta? metadata) =>
        metadata?.Name is { Length: > 0 } name ? new ServiceKey(NamespaceOf(metadata), name) : null;

    private static string NamespaceOf(V1ObjectMeta? metadata) => MetadataReader.NamespaceOf(metadata);

    private sealed record Dependents(IReadOnlyCollection<ServiceInfo> Services, ServiceKey[] Keys);
}
