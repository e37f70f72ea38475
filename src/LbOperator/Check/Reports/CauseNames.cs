using LbOperator.Core.Analysis;

namespace LbOperator.Check.Reports;

/// <summary>Stable camel-case names of <see cref="SkewCause"/> for the JSON and SARIF documents.</summary>
internal static class CauseNames
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
