using k8s;
using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.Mapping;
using LbOperator.Kubernetes.MetalLb;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// The objects read from a set of inputs, mapped for the analysis. When the same object is defined
/// twice, the later definition wins, as it would with <c>kubectl apply</c> of the same inputs in order;
/// each such case is kept in <see cref="Duplicates"/>.
/// </summary>
public sealed class ManifestSet
{
    private readonly Dictionary<ObjectRef, SourceLocation> _sources = [];

    public ManifestSet(IEnumerable<ManifestObject> objects, IReadOnlyList<SkippedDocument> skipped, IReadOnlyList<InputDiagnostic>? diagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(objects);
        var latest = new Dictionary<(string Kind, string? Namespace, string? Name), ManifestObject>();
        var duplicates = new List<DuplicateObject>();
        foreach (var item in objects)
        {
            var key = (item.Object.Kind, item.Object.Metadata?.NamespaceProperty, item.Object.Metadata?.Name);
            if (latest.TryGetValue(key, out var earlier))
            {
                duplicates.Add(new DuplicateObject(item.Object.Kind, key.NamespaceProperty, key.Name ?? "", earlier.Source, item.Source));
            }

            latest[key] = item;
        }

        Objects = latest.Values.ToArray();
        Skipped = skipped;
        Diagnostics = diagnostics ?? [];
        Duplicates = duplicates;
        Services = Objects.Select(o => o.Object).OfType<V1Service>().Select(ServiceMapper.Map).ToArray();
        EndpointSlices = Objects.Select(o => o.Object).OfType<V1EndpointSlice>().Select(EndpointSliceMapper.Map).OfType<EndpointSliceInfo>().ToArray();
        Nodes = Objects.Select(o => o.Object).OfType<V1Node>().Select(NodeMapper.Map).ToArray();
        Ingresses = Objects.Select(o => o.Object).OfType<V1Ingress>().Select(IngressMapper.Map).ToArray();
        HttpRoutes = Objects.Select(o => o.Object).OfType<HttpRoute>().Select(HttpRouteMapper.Map)
            .Concat(Objects.Select(o => o.Object).OfType<GrpcRoute>().Select(HttpRouteMapper.Map)).ToArray();
        Extras = new ClusterExtras(
            Objects.Select(o => o.Object).OfType<V1IngressClass>().Select(ClusterSettingsMapper.Map).ToArray(),
            Objects.Select(o => o.Object).OfType<ReferenceGrant>().Select(ClusterSettingsMapper.Map).ToArray(),
            Objects.Select(o => o.Object).OfType<MetalLbAdvertisement>().Select(ClusterSettingsMapper.Map).ToArray());
        foreach (var item in Objects)
        {
            if (RefOf(item.Object) is { } reference)
            {
                _sources[reference] = item.Source;
            }
        }
    }

    /// <summary>The objects the analysis reads, in the order they were first defined.</summary>
    public IReadOnlyList<ManifestObject> Objects { get; }

    public IReadOnlyList<SkippedDocument> Skipped { get; }

    /// <summary>Input errors and notes, in the order the inputs were read.</summary>
    public IReadOnlyList<InputDiagnostic> Diagnostics { get; }

    public IEnumerable<InputDiagnostic> Errors => Diagnostics.Where(d => d.IsError);

    /// <summary>Objects defined more than once: the earlier and the later (winning) definition.</summary>
    public IReadOnlyList<DuplicateObject> Duplicates { get; }

    public IReadOnlyList<ServiceInfo> Services { get; }

    /// <summary>Only slices labelled <c>kubernetes.io/service-name</c>; others feed no Service.</summary>
    public IReadOnlyList<EndpointSliceInfo> EndpointSlices { get; }

    public IReadOnlyList<NodeInfo> Nodes { get; }

    public IReadOnlyList<IngressInfo> Ingresses { get; }

    /// <summary>HTTPRoutes and GRPCRoutes (told apart by <see cref="HttpRouteInfo.Kind"/>).</summary>
    public IReadOnlyList<HttpRouteInfo> HttpRoutes { get; }

    /// <summary>IngressClasses, ReferenceGrants and MetalLB advertisements.</summary>
    public ClusterExtras Extras { get; }

    public IClusterView ToClusterView() => new InMemoryClusterView(Services, EndpointSlices, Nodes, Ingresses, HttpRoutes, Extras);

    /// <summary>Objects of this set that replaced an object of the base it was laid over (see <see cref="Over"/>).</summary>
    public IReadOnlyList<DuplicateObject> Overlaid { get; } = [];

    /// <summary>
    /// These objects laid over a base (the live cluster), as an apply would: an object defined in both is
    /// the one from this set, and is listed in <see cref="Overlaid"/>.
    /// </summary>
    public ManifestSet Over(IEnumerable<ManifestObject> baseObjects)
    {
        ArgumentNullException.ThrowIfNull(baseObjects);
        var merged = new ManifestSet(baseObjects.Concat(Objects), Skipped, Diagnostics);
        return new ManifestSet(merged.Objects, Skipped, Diagnostics, Duplicates, merged.Duplicates);
    }

    /// <summary>Where an audited object was defined, for pointing a finding at its manifest.</summary>
    public SourceLocation? SourceOf(ObjectRef target) => _sources.GetValueOrDefault(target);

    private ManifestSet(
        IReadOnlyList<ManifestObject> objects,
        IReadOnlyList<SkippedDocument> skipped,
        IReadOnlyList<InputDiagnostic> diagnostics,
        IReadOnlyList<DuplicateObject> duplicates,
        IReadOnlyList<DuplicateObject> overlaid)
        : this(objects, skipped, diagnostics)
    {
        Duplicates = duplicates;
        Overlaid = overlaid;
    }

    private static ObjectRef? RefOf(IKubernetesObject<V1ObjectMeta> value)
    {
        ObjectKind? kind = value switch
        {
            V1Service => ObjectKind.Service,
            V1Ingress => ObjectKind.Ingress,
            HttpRoute => ObjectKind.HttpRoute,
            GrpcRoute => ObjectKind.GrpcRoute,
            _ => null,
        };
        return kind is null ? null : new ObjectRef(kind.Value, value.Metadata?.NamespaceProperty ?? "default", value.Metadata?.Name ?? "");
    }
}

/// <summary>An object defined twice; <paramref name="Winner"/> is the definition that counts.</summary>
public sealed record DuplicateObject(string Kind, string? Namespace, string Name, SourceLocation Loser, SourceLocation Winner);
