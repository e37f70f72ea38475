using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.MetalLb;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>
/// The kinds the analysis reads: one row per <c>apiVersion</c>/<c>kind</c>, with the model it is decoded into.
/// Adding a kind is adding a row (and its mapping in <see cref="ManifestSet"/>).
/// </summary>
public static class ManifestKinds
{
    private static readonly ManifestKind[] Table =
    [
        new("v1", V1Service.KubeKind, typeof(V1Service)),
        new("v1", V1Node.KubeKind, typeof(V1Node), Namespaced: false),
        new("discovery.k8s.io/v1", V1EndpointSlice.KubeKind, typeof(V1EndpointSlice)),
        new("networking.k8s.io/v1", V1Ingress.KubeKind, typeof(V1Ingress)),
        new(HttpRoute.KubeApiVersion, HttpRoute.KubeKind, typeof(HttpRoute)),

        // v1beta1 is still served by most Gateway API installs and has the same shape for every field we read.
        new(HttpRoute.KubeGroup + "/v1beta1", HttpRoute.KubeKind, typeof(HttpRoute)),
        new(GrpcRoute.KubeApiVersion, GrpcRoute.KubeKind, typeof(GrpcRoute)),
        new("networking.k8s.io/v1", V1IngressClass.KubeKind, typeof(V1IngressClass), Namespaced: false),
        new(ReferenceGrant.KubeApiVersion, ReferenceGrant.KubeKind, typeof(ReferenceGrant)),
        new(ReferenceGrant.KubeGroup + "/v1", ReferenceGrant.KubeKind, typeof(ReferenceGrant)),
        new(MetalLbAdvertisement.KubeApiVersion, MetalLbAdvertisement.L2Kind, typeof(MetalLbAdvertisement)),
        new(MetalLbAdvertisement.KubeApiVersion, MetalLbAdvertisement.BgpKind, typeof(MetalLbAdvertisement)),
    ];

    private static readonly Dictionary<(string ApiVersion, string Kind), ManifestKind> ByVersionAndKind =
        Table.ToDictionary(row => (row.ApiVersion, row.Kind));

    /// <summary>Null when the analysis does not read this apiVersion and kind.</summary>
    public static ManifestKind? Find(string? apiVersion, string? kind) =>
        apiVersion is null || kind is null ? null : ByVersionAndKind.GetValueOrDefault((apiVersion, kind));

    /// <summary>The versions read for a kind, to name them when a document has another one; empty for kinds never read.</summary>
    public static IReadOnlyList<string> VersionsOf(string kind) =>
        Table.Where(row => row.Kind == kind).Select(row => row.ApiVersion).ToArray();

    /// <summary><c>kind: List</c> (what <c>kubectl get -o yaml</c> prints) and typed lists such as <c>ServiceList</c>.</summary>
    public static bool IsList(string? kind) => kind is not null && kind.EndsWith("List", StringComparison.Ordinal);

    /// <summary>The kind of the items of a typed list (<c>ServiceList</c> → <c>Service</c>); null for <c>List</c>.</summary>
    public static string? ItemKindOf(string? listKind) =>
        IsList(listKind) && listKind!.Length > "List".Length ? listKind[..^"List".Length] : null;
}

/// <summary>One readable kind: its <c>apiVersion</c>, <c>kind</c>, model type, and whether it lives in a namespace.</summary>
public sealed record ManifestKind(string ApiVersion, string Kind, Type Model, bool Namespaced = true);
