using System.Text.Json.Serialization;

namespace LbOperator.Kubernetes.GatewayApi;

/// <summary>The Gateway (or other parent) an HTTPRoute attaches to.</summary>
public sealed class ParentReference
{
    [JsonPropertyName("group")]
    public string? Group { get; set; }

    [JsonPropertyName("kind")]
    public string? Kind { get; set; }

    [JsonPropertyName("namespace")]
    public string? Namespace { get; set; }

    [JsonPropertyName("name")]
    public string Name { get; set; } = "";

    [JsonPropertyName("sectionName")]
    public string? SectionName { get; set; }

    [JsonPropertyName("port")]
    public int? Port { get; set; }
}
