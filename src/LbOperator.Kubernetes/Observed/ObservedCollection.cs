using LbOperator.Core.Observed;

namespace LbOperator.Kubernetes.Observed;

/// <summary>What one interval's queries brought.</summary>
/// <param name="ClusterError">Why the cluster-wide query failed; null when it answered.</param>
/// <param name="ClusterLacksPodLabel">The cluster-wide query answered with series but none had a <c>pod</c> label.</param>
/// <param name="QueriesRun">Queries sent this interval, the cluster-wide one included.</param>
public sealed record ObservedCollection(
    ObservedRates Rates,
    PrometheusQueryException? ClusterError,
    bool ClusterLacksPodLabel,
    IReadOnlyList<ServiceQueryProblem> ServiceProblems,
    int QueriesRun);
