using System.Text.Json.Serialization;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>A report's <c>summary</c>: how many results have each outcome.</summary>
public sealed record ReportSummary
{
    /// <summary>For deserializers (JSON and YAML).</summary>
    public ReportSummary()
    {
    }

    public ReportSummary(int pass, int fail, int warn, int error, int skip) =>
        (Pass, Fail, Warn, Error, Skip) = (pass, fail, warn, error, skip);

    [JsonPropertyName("pass")]
    public int Pass { get; init; }

    [JsonPropertyName("fail")]
    public int Fail { get; init; }

    [JsonPropertyName("warn")]
    public int Warn { get; init; }

    [JsonPropertyName("error")]
    public int Error { get; init; }

    [JsonPropertyName("skip")]
    public int Skip { get; init; }

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
