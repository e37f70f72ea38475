using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.GatewayApi;

/// <summary>
/// A gateway.networking.k8s.io/v1 GRPCRoute. Its rules' matches differ from HTTPRoute's but are not
/// modelled; parentRefs and weighted backendRefs have the same shape, so the spec type is shared.
/// </summary>
public sealed class GrpcRoute : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = HttpRoute.KubeGroup;
    public const string KubeVersion = "v1";
    public const string KubeKind = "GRPCRoute";
    public const string KubePluralName = "grpcroutes";
    public const string KubeApiVersion = KubeGroup + "/" + KubeVersion;

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public HttpRouteSpec? Spec { get; set; }
}
