using System.Text.Json;
using System.Text.Json.Serialization;
using k8s.Models;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>One entry of a report's <c>results</c>, in the schema PolicyReport and Report share.</summary>
public sealed class ReportResult
{
    private static readonly JsonSerializerOptions KeyOptions = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    [JsonPropertyName("source")]
    public string? Source { get; set; }

    [JsonPropertyName("policy")]
    public string Policy { get; set; } = "";

    [JsonPropertyName("rule")]
    public string? Rule { get; set; }

    [JsonPropertyName("category")]
    public string? Category { get; set; }

    [JsonPropertyName("result")]
    public string? Result { get; set; }

    [JsonPropertyName("severity")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Severity { get; set; }

    [JsonPropertyName("message")]
    public string? Message { get; set; }

    [JsonPropertyName("resources")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IList<V1ObjectReference>? Resources { get; set; }

    [JsonPropertyName("properties")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IDictionary<string, string>? Properties { get; set; }

    [JsonPropertyName("timestamp")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ReportTimestamp? Timestamp { get; set; }

    /// <summary>
    /// Everything but the timestamp, in a canonical form (properties sorted): two results with the same
    /// key say the same thing, however the API server ordered their fields.
    /// </summary>
    public string ContentKey() => JsonSerializer.Serialize(new
    {
        Source,
        Policy,
        Rule,
        Category,
        Result,
        Severity,
        Message,
        Resources = Resources?.Select(r => new { r.ApiVersion, r.Kind, r.NamespaceProperty, r.Name, r.Uid }),
        Properties = Properties?.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => new[] { pair.Key, pair.Value }),
    }, KeyOptions);
}
