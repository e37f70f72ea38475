using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.GatewayApi;

/// <summary>The list form returned by <c>GET /apis/gateway.networking.k8s.io/v1beta1/referencegrants</c>.</summary>
public sealed class ReferenceGrantList : IKubernetesObject<V1ListMeta>, IItems<ReferenceGrant>
{
    public const string KubeKind = "ReferenceGrantList";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ReferenceGrant.KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<ReferenceGrant> Items { get; set; } = [];
}
