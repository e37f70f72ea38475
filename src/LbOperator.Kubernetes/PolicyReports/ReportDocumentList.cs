using System.Text.Json.Serialization;
using k8s;
using k8s.Models;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>The list form of <see cref="ReportDocument"/> (<c>PolicyReportList</c>, <c>ReportList</c>).</summary>
public sealed class ReportDocumentList : IKubernetesObject<V1ListMeta>, IItems<ReportDocument>
{
    [JsonPropertyName("apiVersion")]
    public string ApiVersion { get; set; } = ReportApi.PolicyReport.ApiVersion;

    [JsonPropertyName("kind")]
    public string Kind { get; set; } = ReportApi.PolicyReport.Kind + "List";

    [JsonPropertyName("metadata")]
    public V1ListMeta Metadata { get; set; } = new();

    [JsonPropertyName("items")]
    public IList<ReportDocument> Items { get; set; } = [];
}
