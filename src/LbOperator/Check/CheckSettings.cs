using LbOperator.Core.Analysis;
using LbOperator.Kubernetes.PolicyReports;

namespace LbOperator.Check;

/// <summary>The validated flags of one <c>lb-operator check</c> run.</summary>
internal sealed record CheckSettings(IReadOnlyList<string> Paths, OutputFormat Format, Severity FailOn)
{
    /// <summary>The API <see cref="OutputFormat.PolicyReport"/> writes.</summary>
    public ReportApi ReportApi { get; init; } = ReportApi.PolicyReport;
}
