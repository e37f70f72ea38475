using LbOperator.Core.Analysis;

namespace LbOperator.Kubernetes.PolicyReports;

/// <summary>
/// The report vocabulary for a finding: an error fails (severity <c>high</c>), a warning warns
/// (<c>medium</c>), and an info finding passes with severity <c>info</c>, so an informational note
/// such as client affinity is recorded without raising an alert.
/// </summary>
public static class ReportOutcomes
{
    public const string Pass = "pass";
    public const string Fail = "fail";
    public const string Warn = "warn";
    public const string Error = "error";
    public const string Skip = "skip";

    public static string ResultOf(Severity severity) => severity switch
    {
        Severity.Error => Fail,
        Severity.Warning => Warn,
        _ => Pass,
    };

    public static string SeverityOf(Severity severity) => severity switch
    {
        Severity.Error => "high",
        Severity.Warning => "medium",
        _ => "info",
    };
}
