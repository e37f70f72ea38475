using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.GatewayApi;

/// <summary>The list form returned by <c>GET /apis/gateway.networking.k8s.io/v1/httproutes</c>.</summary>
public sealed class HttpRouteList : IKubernetesObject<V1ListMeta>, IItems<HttpRoute>
{
    public const string KubeKind = "HTTPRouteList";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = HttpRoute.KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<HttpRoute> Items { get; set; } = [];
}
