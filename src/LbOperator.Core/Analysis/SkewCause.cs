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
}
