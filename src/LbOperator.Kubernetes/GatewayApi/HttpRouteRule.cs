using System.Text.Json.Serialization;

namespace LbOperator.Kubernetes.GatewayApi;

/// <summary>One rule of an HTTPRoute. Its matches are not modelled: shares depend only on the weighted backends.</summary>
public sealed class HttpRouteRule
{
    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("backendRefs")]
    public IList<HttpBackendRef>? BackendRefs { get; set; }
}
