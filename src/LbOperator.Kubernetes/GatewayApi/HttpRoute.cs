using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.GatewayApi;

/// <summary>
/// A gateway.networking.k8s.io HTTPRoute, reduced to the fields that decide where traffic goes.
/// KubernetesClient ships no Gateway API models; unknown fields are ignored when reading.
/// </summary>
public sealed class HttpRoute : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = "gateway.networking.k8s.io";
    public const string KubeVersion = "v1";
    public const string KubeKind = "HTTPRoute";
    public const string KubePluralName = "httproutes";
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
