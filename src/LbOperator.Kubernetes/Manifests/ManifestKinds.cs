using k8s;
using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Kubernetes.MetalLb;

namespace LbOperator.Kubernetes.Manifests;

/// <summary>The <c>apiVersion</c>/<c>kind</c> pairs the analysis reads, and how each one is deserialised.</summary>
internal static class ManifestKinds
{
    private static readonly Dictionary<(string ApiVersion, string Kind), Func<string, IKubernetesObject<V1ObjectMeta>>> Known = new()
    {
        [("v1", V1Service.KubeKind)] = yaml => KubernetesYaml.Deserialize<V1Service>(yaml),
        [("v1", V1Node.KubeKind)] = yaml => KubernetesYaml.Deserialize<V1Node>(yaml),
        [("discovery.k8s.io/v1", V1EndpointSlice.KubeKind)] = yaml => KubernetesYaml.Deserialize<V1EndpointSlice>(yaml),
        [("networking.k8s.io/v1", V1Ingress.KubeKind)] = yaml => KubernetesYaml.Deserialize<V1Ingress>(yaml),
        [(HttpRoute.KubeApiVersion, HttpRoute.KubeKind)] = yaml => KubernetesYaml.Deserialize<HttpRoute>(yaml),

        // v1beta1 is still served by most Gateway API installs and has the same shape for every field we read.
        [(HttpRoute.KubeGroup + "/v1beta1", HttpRoute.KubeKind)] = yaml => KubernetesYaml.Deserialize<HttpRoute>(yaml),
        [(GrpcRoute.KubeApiVersion, GrpcRoute.KubeKind)] = yaml => KubernetesYaml.Deserialize<GrpcRoute>(yaml),
        [("networking.k8s.io/v1", V1IngressClass.KubeKind)] = yaml => KubernetesYaml.Deserialize<V1IngressClass>(yaml),
        [(ReferenceGrant.KubeApiVersion, ReferenceGrant.KubeKind)] = yaml => KubernetesYaml.Deserialize<ReferenceGrant>(yaml),
        [(ReferenceGrant.KubeGroup + "/v1", ReferenceGrant.KubeKind)] = yaml => KubernetesYaml.Deserialize<ReferenceGrant>(yaml),
        [(MetalLbAdvertisement.KubeApiVersion, MetalLbAdvertisement.L2Kind)] = yaml => KubernetesYaml.Deserialize<MetalLbAdvertisement>(yaml),
        [(MetalLbAdvertisement.KubeApiVersion, MetalLbAdvertisement.BgpKind)] = yaml => KubernetesYaml.Deserialize<MetalLbAdvertisement>(yaml),
    };

    /// <summary>Null when the analysis does not read this kind.</summary>
    public static Func<string, IKubernetesObject<V1ObjectMeta>>? DeserializerFor(string apiVersion, string kind) =>
        Known.GetValueOrDefault((apiVersion, kind));

    /// <summary><c>kind: List</c> (what <c>kubectl get -o yaml</c> prints) and typed lists such as <c>ServiceList</c>.</summary>
    public static bool IsList(string kind) => kind.EndsWith("List", StringComparison.Ordinal);

    /// <summary>Nodes and IngressClasses are cluster-scoped; every other kind read here lives in a namespace.</summary>
    public static bool IsNamespaced(string kind) => kind is not (V1Node.KubeKind or V1IngressClass.KubeKind);
}
