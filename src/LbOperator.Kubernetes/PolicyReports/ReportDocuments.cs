using k8s.Models;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>
/// Builds the report of one namespace from its audited objects, for the operator (which keeps it in the
/// cluster) and for <c>lb-operator check -o policyreport</c> (which prints it).
/// </summary>
public static class ReportDocuments
{
    /// <param name="previous">The report as it stands, whose timestamps unchanged results keep; null for a first report.</param>
    public static ReportDocument Build(ReportApi api, string @namespace, IEnumerable<AuditedFindings> audited, ReportDocument? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(api);
        var results = ReportResults.Map(audited);
        ReportTimestamps.Stamp(results, previous?.Results, now);
        return new ReportDocument
        {
            ApiVersion = api.ApiVersion,
            Kind = api.Kind,
            Metadata = new V1ObjectMeta { Name = ReportIdentity.Name, NamespaceProperty = @namespace, Labels = ReportIdentity.Labels() },
            Summary = ReportSummary.Of(results),
            Results = results.ToList(),
        };
    }

    /// <summary>One report per namespace that has audited objects, ordered by namespace.</summary>
    public static IReadOnlyList<ReportDocument> BuildAll(ReportApi api, IEnumerable<AuditedFindings> audited, DateTimeOffset now) =>
        audited.GroupBy(item => item.Object.Namespace, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group => Build(api, group.Key, group, previous: null, now))
            .ToArray();

    /// <summary>
    /// True when writing <paramref name="desired"/> over <paramref name="current"/> would change nothing
    /// this tool owns: labels, summary, and results with their timestamps.
    /// </summary>
    public static bool HasSameContent(ReportDocument current, ReportDocument desired)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(desired);
        var labels = current.Metadata?.Labels ?? new Dictionary<string, string>();
        var ownLabels = desired.Metadata.Labels ?? new Dictionary<string, string>();
        if (ownLabels.Any(pair => !labels.TryGetValue(pair.Key, out var value) || value != pair.Value)
            || current.Summary != desired.Summary)
        {
            return false;
        }

        var currentResults = current.Results ?? [];
        var desiredResults = desired.Results ?? [];
        return currentResults.Count == desiredResults.Count
            && currentResults.Zip(desiredResults).All(pair =>
                pair.First.Timestamp == pair.Second.Timestamp && pair.First.ContentKey() == pair.Second.ContentKey());
    }
}
