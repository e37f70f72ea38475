namespace LbOperator.Core.Analysis.LoadBalancers;

/// <summary>The load balancer a Service is modelled with, and what showed it (for the entry point's note).</summary>
internal sealed record DetectedLoadBalancer(LoadBalancerImplementation Implementation, string Source)
{
    public static DetectedLoadBalancer None { get; } = new(LoadBalancerImplementation.None, string.Empty);
}
