using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.MetalLb;

/// <summary>
/// A metallb.io/v1beta1 L2Advertisement or BGPAdvertisement, reduced to the pools it announces; both
/// kinds share this shape, and <see cref="Kind"/> tells them apart.
/// </summary>
public sealed class MetalLbAdvertisement : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeApiVersion = "metallb.io/v1beta1";
    public const string L2Kind = "L2Advertisement";
    public const string BgpKind = "BGPAdvertisement";
    public const string KubeGroup = "metallb.io";
    public const string KubeVersion = "v1beta1";

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = L2Kind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public MetalLbAdvertisementSpec? Spec { get; set; }
}

public sealed class MetalLbAdvertisementSpec
{
    [JsonPropertyName("ipAddressPools")]
    public IList<string>? IpAddressPools { get; set; }
}
