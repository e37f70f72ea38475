namespace LbOperator.Core.Analysis;

public sealed record AnalysisReport(IReadOnlyList<EntryPointResult> EntryPoints, IReadOnlyList<Finding> Findings)
{
    public static AnalysisReport Empty { get; } = new([], []);
}
