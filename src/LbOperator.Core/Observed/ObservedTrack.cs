using LbOperator.Core.Analysis;

namespace LbOperator.Core.Observed;

/// <summary>
/// One entry point's observed state across intervals: consecutive skewed (<see cref="Hot"/>) and
/// not-skewed (<see cref="Cool"/>) intervals, the LB007 finding currently reported, and when
/// Prometheus last answered for it.
/// </summary>
public sealed record ObservedTrack(int Hot, int Cool, Finding? Reported, DateTimeOffset LastObserved);
