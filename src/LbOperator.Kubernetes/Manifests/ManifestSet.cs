using LbOperator.Kubernetes.Mapping;
using k8s.Models;
using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;

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
        var latest = new Dictionary<(string Kind, string? Namespace, string Name), ManifestObject>();
        var duplicates = new List<DuplicateObject>();
        foreach (var item in objects)
        {
            var key = (item.Kind, item.Namespace, item.Name);
            if (latest.TryGetValue(key, out var earlier))
            {
                duplicates.Add(new DuplicateObject(item.Kind, key.Namespace, key.Name, earlier.Source, item.Source));
            }

            latest[key] = item;
        }

        Objects = latest.Values.ToArray();
        Skipped = skipped;
        Diagnostics = diagnostics ?? [];
        Duplicates = duplicates;
        var mapped = Objects.Select(o => o.Mapped).ToArray();
        Services = mapped.OfType<ServiceInfo>().ToArray();
        EndpointSlices = mapped.OfType<EndpointSliceInfo>().ToArray();
        Nodes = mapped.OfType<NodeInfo>().ToArray();
        Ingresses = mapped.OfType<IngressInfo>().ToArray();
        var routes = mapped.OfType<HttpRouteInfo>().ToArray();
        HttpRoutes = routes.Where(r => r.Kind == ObjectKind.HttpRoute).Concat(routes.Where(r => r.Kind == ObjectKind.GrpcRoute)).ToArray();
        Extras = new ClusterExtras(
            mapped.OfType<IngressClassInfo>().ToArray(),
            mapped.OfType<ReferenceGrantInfo>().ToArray(),
            mapped.OfType<MetalLbAdvertisementInfo>().ToArray());
        foreach (var item in Objects)
        {
            if (RefOf(item) is { } reference)
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

    private static ObjectRef? RefOf(ManifestObject item)
    {
        ObjectKind? kind = item.Kind switch
        {
            V1Service.KubeKind => ObjectKind.Service,
            V1Ingress.KubeKind => ObjectKind.Ingress,
            HttpRoute.KubeKind => ObjectKind.HttpRoute,
            GrpcRoute.KubeKind => ObjectKind.GrpcRoute,
            _ => null,
        };
        return kind is null ? null : new ObjectRef(kind.Value, item.Namespace ?? MetadataReader.DefaultNamespace, item.Name);
    }
}

/// <summary>An object defined twice; <paramref name="Winner"/> is the definition that counts.</summary>
public sealed record DuplicateObject(string Kind, string? Namespace, string Name, SourceLocation Loser, SourceLocation Winner);
