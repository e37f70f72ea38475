using LbOperator.Core.Analysis;

namespace LbOperator.Core.Observed;

/// <summary>
/// How traffic was observed to spread at one entry point. <see cref="Endpoints"/> is sorted by observed
/// share, largest first. <see cref="Skew"/> is the largest observed share ÷ (1 / pool size), as for the
/// configured skew; <see cref="LargestGap"/> is the endpoint whose observed share is furthest from its expected one.
/// </summary>
public sealed record ObservedSpread(
    EntryPointResult Expected,
    IReadOnlyList<ObservedEndpoint> Endpoints,
    double TotalRate,
    double Skew,
    ObservedEndpoint LargestGap,
    bool ByClusterQuery);
