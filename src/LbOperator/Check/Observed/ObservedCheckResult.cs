using LbOperator.Core.Analysis;
using LbOperator.Core.Observed;

namespace LbOperator.Check.Observed;

/// <summary>What <c>check --prometheus-url</c> observed: each entry point's comparison, the LB007 findings, and what went wrong.</summary>
/// <param name="At">The evaluation time of the queries.</param>
/// <param name="Problems">One line each for stderr: the cluster query failed or lacks a <c>pod</c> label, a Service's own query did.</param>
/// <param name="ClusterQueryFailed">Prometheus did not answer the cluster-wide query (unreachable, or an error).</param>
internal sealed record ObservedCheckResult(
    ObservedCheckSettings Settings,
    DateTimeOffset At,
    IReadOnlyDictionary<EntryPointResult, ObservedComparison> Comparisons,
    IReadOnlyList<Finding> Findings,
    IReadOnlyList<string> Problems,
    bool ClusterQueryFailed)
{
    /// <summary>The entry point's comparison, or null when it was not observed.</summary>
    public ObservedComparison? For(EntryPointResult entryPoint) => Comparisons.GetValueOrDefault(entryPoint);
}
