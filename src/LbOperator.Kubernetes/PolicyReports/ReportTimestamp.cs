using System.Text.Json.Serialization;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>A result's <c>timestamp</c>: when it was first seen, in whole seconds (a protobuf Timestamp).</summary>
public sealed record ReportTimestamp
{
    /// <summary>For deserializers (JSON and YAML).</summary>
    public ReportTimestamp()
    {
    }

    public ReportTimestamp(long seconds, int nanos) => (Seconds, Nanos) = (seconds, nanos);

    [JsonPropertyName("seconds")]
    public long Seconds { get; init; }

    [JsonPropertyName("nanos")]
    public int Nanos { get; init; }

    public static ReportTimestamp At(DateTimeOffset time) => new(time.ToUnixTimeSeconds(), 0);
}
