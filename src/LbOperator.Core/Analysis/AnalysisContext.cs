using LbOperator.Core.Analysis.Endpoints;
using LbOperator.Core.Analysis.Ingresses;
using LbOperator.Core.Analysis.Routes;
using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis;

/// <summary>
/// State shared by the entry points of one analysis run: the view, the policy, and what is costly
/// to recompute (a Service's merged endpoints, the traffic weight of each zone and node).
/// </summary>
/// <param name="weights">Weights kept across analyses by a long-lived analyzer; null computes them for this run only.</param>
/// <param name="routes">The mesh-route index kept across analyses by a long-lived analyzer; null builds it for this run only.</param>
internal sealed class AnalysisContext(IClusterView view, AnalysisPolicy policy, SourceWeightsCache? weights = null, MeshRoutesCache? routes = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoAnnotations = new Dictionary<string, string>();

    private readonly Dictionary<(string Namespace, string Name), ServiceEndpoints> _endpoints = [];
    private IReadOnlyDictionary<string, double>? _zoneWeights;
    private IReadOnlyDictionary<string, double>? _nodeWeights;

    private IngressClass? _ingressClasses;
    private MeshRoutes? _meshRoutes;

    public IClusterView View { get; } = view;

    /// <summary>Resolves each Ingress's controller; built once per run from the IngressClasses and the policy.</summary>
    public IngressClass IngressClasses => _ingressClasses ??= new IngressClass(View, Policy);

    /// <summary>The routes whose parent is a Service, indexed once per run, or once per routes version by a long-lived analyzer.</summary>
    public MeshRoutes MeshRoutes => _meshRoutes ??= routes?.For(View) ?? new MeshRoutes(View);

    public AnalysisPolicy Policy { get; } = policy;

    /// <summary>A backend's endpoints, computed once per run because several entry points may share a backend.</summary>
    public ServiceEndpoints EndpointsOf(string @namespace, string serviceName)
    {
        if (!_endpoints.TryGetValue((@namespace, serviceName), out var endpoints))
        {
            endpoints = EndpointSelector.Select(View, @namespace, serviceName);
            _endpoints[(@namespace, serviceName)] = endpoints;
        }

        return endpoints;
    }

    /// <summary>True when the policy allows absent EndpointSlices and the Service has none: its endpoints are unknown, not missing.</summary>
    public bool EndpointsUnknown(string @namespace, string serviceName) =>
        Policy.EndpointsMayBeAbsent && View.GetEndpointSlices(@namespace, serviceName).Count == 0;

    /// <summary>Share of cluster traffic starting in each zone: allocatable CPU of the zone's Nodes. Empty without zoned Nodes.</summary>
    public IReadOnlyDictionary<string, double> ZoneWeights => _zoneWeights ??= weights?.ByZone(View) ?? SourceWeights.ByZone(View.Nodes);

    /// <summary>Share of cluster traffic starting on each Node: its allocatable CPU. Empty without Nodes.</summary>
    public IReadOnlyDictionary<string, double> NodeWeights => _nodeWeights ??= weights?.ByNode(View) ?? SourceWeights.ByNode(View.Nodes);

    public IReadOnlyDictionary<string, string> AnnotationsOf(ObjectRef target) => target.Kind switch
    {
        ObjectKind.Service => View.GetService(target.Namespace, target.Name)?.Annotations,
        ObjectKind.Ingress => View.GetIngress(target.Namespace, target.Name)?.Annotations,
        ObjectKind.HttpRoute => View.GetHttpRoute(target.Namespace, target.Name)?.Annotations,
        ObjectKind.GrpcRoute => View.GetGrpcRoute(target.Namespace, target.Name)?.Annotations,
        _ => null,
    } ?? NoAnnotations;

    public bool IsIgnored(ObjectRef target) => ObjectAnnotations.IsIgnored(AnnotationsOf(target));
}
