using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.MetalLb;

/// <summary>The list form of L2Advertisements or BGPAdvertisements (<c>GET /apis/metallb.io/v1beta1/…</c>).</summary>
public sealed class MetalLbAdvertisementList : IKubernetesObject<V1ListMeta>, IItems<MetalLbAdvertisement>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = MetalLbAdvertisement.KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = MetalLbAdvertisement.L2Kind + "List";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<MetalLbAdvertisement> Items { get; set; } = [];
}
