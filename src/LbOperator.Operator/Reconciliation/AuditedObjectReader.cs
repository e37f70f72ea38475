using k8s;
using k8s.Models;
using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Operator.Caching;
using LbOperator.Operator.Changes;
using LbOperator.Runtime.Events;
using LbOperator.Runtime;

namespace LbOperator.Operator.Reconciliation;

/// <summary>Reads an audited object from its informer cache; config fields are extracted once per object version.</summary>
public sealed class AuditedObjectReader
{
    private readonly IObjectStore<V1Service> _services;
    private readonly IObjectStore<V1Ingress> _ingresses;
    private readonly IObjectStore<HttpRoute> _routes;
    private readonly IClusterView _view;
    private readonly MappedRecords<V1Service, LoadBalancingConfig> _serviceConfigs = new(ServiceConfigExtractor.Extract);

    private readonly IObjectStore<GrpcRoute>? _grpcRoutes;

    /// <param name="grpcRoutes">The GRPCRoute cache; null where GRPCRoutes are not watched.</param>
    public AuditedObjectReader(IObjectStore<V1Service> services, IObjectStore<V1Ingress> ingresses, IObjectStore<HttpRoute> routes, IClusterView view, IObjectStore<GrpcRoute>? grpcRoutes = null)
    {
        _grpcRoutes = grpcRoutes;
        _services = services;
        _ingresses = ingresses;
        _routes = routes;
        _view = view;
    }

    /// <summary>Null when the object is not (or no longer) in the cache.</summary>
    public AuditedObject? Read(ObjectRef key)
    {
        ArgumentNullException.ThrowIfNull(key);
        switch (key.Kind)
        {
            case ObjectKind.Service when _services.Get(key.Namespace, key.Name) is { } service:
                return Build(key, service, _serviceConfigs.Get(service)!);
            case ObjectKind.Ingress when _ingresses.Get(key.Namespace, key.Name) is { } ingress
                && _view.GetIngress(key.Namespace, key.Name) is { } info:
                return Build(key, ingress, IngressConfigExtractor.Extract(info));
            case ObjectKind.HttpRoute when _routes.Get(key.Namespace, key.Name) is { } route
                && _view.GetHttpRoute(key.Namespace, key.Name) is { } info:
                return Build(key, route, HttpRouteConfigExtractor.Extract(info));
            case ObjectKind.GrpcRoute when _grpcRoutes?.Get(key.Namespace, key.Name) is { } grpcRoute
                && _view.GetGrpcRoute(key.Namespace, key.Name) is { } info:
                return Build(key, grpcRoute, HttpRouteConfigExtractor.Extract(info));
            default:
                return null;
        }
    }

    private static AuditedObject Build(ObjectRef key, IKubernetesObject<V1ObjectMeta> item, LoadBalancingConfig config)
    {
        var ignored = ObjectAnnotations.IsIgnored(item.Metadata?.Annotations?.AsReadOnly());
        return new AuditedObject(EventTarget.From(key, item.ApiVersion, item.Metadata), config, ignored);
    }
}
