using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>
/// A namespaced <c>wgpolicyk8s.io/v1alpha2</c> PolicyReport or <c>openreports.io/v1alpha1</c> Report;
/// <see cref="ApiVersion"/> and <see cref="Kind"/> say which. Fields this tool does not write are ignored when reading.
/// </summary>
public sealed class ReportDocument : IKubernetesObject<V1ObjectMeta>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ReportApi.PolicyReport.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ReportApi.PolicyReport.Kind;

    [JsonPropertyName("metadata")]
    public V1ObjectMeta Metadata { get; set; } = new();

    [JsonPropertyName("summary")]
    public ReportSummary? Summary { get; set; }

    [JsonPropertyName("results")]
    public IList<ReportResult>? Results { get; set; }
}
