using System.Text.Json.Serialization;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>A result's <c>timestamp</c>: when it was first seen, in whole seconds (a protobuf Timestamp).</summary>
public sealed record ReportTimestamp(
    [property: JsonPropertyName("seconds")] long Seconds,
    [property: JsonPropertyName("nanos")] int Nanos)
{
    public static ReportTimestamp At(DateTimeOffset time) => new(time.ToUnixTimeSeconds(), 0);
}
