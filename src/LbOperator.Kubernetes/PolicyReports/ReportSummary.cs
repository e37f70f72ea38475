using System.Text.Json.Serialization;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>A report's <c>summary</c>: how many results have each outcome.</summary>
public sealed record ReportSummary(
    [property: JsonPropertyName("pass")] int Pass,
    [property: JsonPropertyName("fail")] int Fail,
    [property: JsonPropertyName("warn")] int Warn,
    [property: JsonPropertyName("error")] int Error,
    [property: JsonPropertyName("skip")] int Skip)
{
    public static ReportSummary Of(IEnumerable<ReportResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        int pass = 0, fail = 0, warn = 0, error = 0, skip = 0;
        foreach (var result in results)
        {
            switch (result.Result)
            {
                case ReportOutcomes.Pass: pass++; break;
                case ReportOutcomes.Fail: fail++; break;
                case ReportOutcomes.Warn: warn++; break;
                case ReportOutcomes.Error: error++; break;
                default: skip++; break;
            }
        }

        return new ReportSummary(pass, fail, warn, error, skip);
    }
}
