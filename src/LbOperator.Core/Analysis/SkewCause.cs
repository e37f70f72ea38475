namespace LbOperator.Core.Analysis;

/// <summary>The named causes of an uneven spread (LB001).</summary>
public enum SkewCause
{
    None,
    ExternalTrafficPolicyLocal,
    InternalTrafficPolicyLocal,
    TopologyRouting,
    BackendWeights,
    CanaryWeight,

    /// <summary>Cross-zone load balancing is off: each zone gets an equal part whatever its number of targets.</summary>
    ZonalLoadBalancing,
}
