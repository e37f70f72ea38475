using System.Text.Json.Serialization;

namespace LbOperator.Kubernetes.GatewayApi;

/// <summary>
/// A weighted backend of a rule. Empty group and absent kind mean a core Service; an absent
/// namespace means the route's own; an absent weight means 1.
/// </summary>
public sealed class HttpBackendRef
{
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("port")]
    public int? Port { get; set; }

    [JsonPropertyName("weight")]
    public int? Weight { get; set; }
}
