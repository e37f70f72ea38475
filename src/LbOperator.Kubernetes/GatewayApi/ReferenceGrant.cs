using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.GatewayApi;

/// <summary>A gateway.networking.k8s.io ReferenceGrant (v1beta1 and v1 have the same shape).</summary>
public sealed class ReferenceGrant : IKubernetesObject<V1ObjectMeta>
{
    public const string KubeGroup = HttpRoute.KubeGroup;
    public const string KubeVersion = "v1beta1";
    public const string KubeKind = "ReferenceGrant";
    public const string KubePluralName = "referencegrants";
    public const string KubeApiVersion = KubeGroup + "/" + KubeVersion;

    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = KubeApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = KubeKind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("spec")]
    public ReferenceGrantSpec? Spec { get; set; }
}

public sealed class ReferenceGrantSpec
{
    [JsonPropertyName("from")]
    public IList<ReferenceGrantPeer>? From { get; set; }

    [JsonPropertyName("to")]
    public IList<ReferenceGrantPeer>? To { get; set; }
}

/// <summary>A <c>from</c> entry (group, kind, namespace) or a <c>to</c> entry (group, kind, optional name).</summary>
public sealed class ReferenceGrantPeer
{
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }
}
