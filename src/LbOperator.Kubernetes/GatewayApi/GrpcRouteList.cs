using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.GatewayApi;

/// <summary>The list form returned by <c>GET /apis/gateway.networking.k8s.io/v1/grpcroutes</c>.</summary>
public sealed class GrpcRouteList : IKubernetesObject<V1ListMeta>, IItems<GrpcRoute>
{
    public const string KubeKind = "GRPCRouteList";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = GrpcRoute.KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<GrpcRoute> Items { get; set; } = [];
}
