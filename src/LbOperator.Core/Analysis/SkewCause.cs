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

/// <summary>The stable camel-case names of <see cref="SkewCause"/> that the JSON, SARIF and report documents carry.</summary>
public static class SkewCauseNames
{
    public static string Of(SkewCause cause) => cause switch
    {
        SkewCause.ExternalTrafficPolicyLocal => "externalTrafficPolicyLocal",
        SkewCause.InternalTrafficPolicyLocal => "internalTrafficPolicyLocal",
        SkewCause.TopologyRouting => "topologyRouting",
        SkewCause.BackendWeights => "backendWeights",
        SkewCause.CanaryWeight => "canaryWeight",
        SkewCause.ZonalLoadBalancing => "zonalLoadBalancing",
        _ => "none",
    };
}
