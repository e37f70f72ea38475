using LbOperator.Core.Model;
using LbOperator.Operator.Changes;

namespace LbOperator.Operator.Publishing;

/// <summary>
/// What the operator last published for one audited object: the base of the next comparison.
/// <see cref="EntryPoints"/> holds only the entry points the object owns (a canary's shared entry point
/// is published by its main Ingress).
/// </summary>
public sealed record PublishedState(
    ObjectRef Object,
    LoadBalancingConfig Config,
    IReadOnlyDictionary<FindingKey, PublishedFinding> Findings,
    IReadOnlyDictionary<string, EntryPointGauges> EntryPoints,
    IReadOnlyDictionary<string, double> NodeShares)
{
    /// <summary>The skew quoted in change messages: the largest over the object's entry points, null without any.</summary>
    public double? HeadlineSkew => EntryPoints.Count == 0 ? null : EntryPoints.Values.Max(gauges => gauges.Skew);
}
