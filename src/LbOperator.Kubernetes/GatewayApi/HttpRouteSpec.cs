using System.Text.Json.Serialization;

namespace LbOperator.Kubernetes.GatewayApi;

public sealed class HttpRouteSpec
{
    [JsonPropertyName("parentRefs")]
    public IList<ParentReference>? ParentRefs { get; set; }

    [JsonPropertyName("hostnames")]
    public IList<string>? Hostnames { get; set; }

    [JsonPropertyName("rules")]
    public IList<HttpRouteRule>? Rules { get; set; }
}
