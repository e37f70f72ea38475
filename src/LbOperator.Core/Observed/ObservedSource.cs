using LbOperator.Core.Model;

namespace LbOperator.Core.Observed;

/// <summary>One query's rates by Pod, with the idle threshold in that query's unit.</summary>
/// <param name="IsClusterQuery">
/// True for the cluster-wide query (bytes by default), false for a Service's own query (requests, by
/// convention); an entry point is judged only when all its backends are measured the same way.
/// </param>
/// <param name="Available">False when the query failed this interval: its entry points keep their last state.</param>
public sealed record ObservedSource(bool IsClusterQuery, IReadOnlyDictionary<PodRef, double> Rates, double MinRate, bool Available = true)
{
    public static ObservedSource Failed(bool isClusterQuery) => new(isClusterQuery, new Dictionary<PodRef, double>(), 0, Available: false);
}
