namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>
/// Stamps each result with when it was first seen: a result that says exactly what a previous result
/// said keeps that result's timestamp; a new or changed one gets <c>now</c>. So an unchanged audit
/// rebuilds an identical report, and a result's age tells since when it holds.
/// </summary>
public static class ReportTimestamps
{
    public static void Stamp(IEnumerable<ReportResult> fresh, IEnumerable<ReportResult>? previous, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(fresh);
        var seen = new Dictionary<string, ReportTimestamp>(StringComparer.Ordinal);
        foreach (var result in previous ?? [])
        {
            if (result.Timestamp is { } timestamp)
            {
                seen.TryAdd(result.ContentKey(), timestamp);
            }
        }

        var stamp = ReportTimestamp.At(now);
        foreach (var result in fresh)
        {
            result.Timestamp = seen.GetValueOrDefault(result.ContentKey()) ?? stamp;
        }
    }
}
