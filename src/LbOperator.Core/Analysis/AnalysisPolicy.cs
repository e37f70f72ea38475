namespace LbOperator.Core.Analysis;

/// <summary>Skew thresholds and rules turned off. Objects may override the thresholds with <c>lb-operator.io/warn-skew</c> and <c>lb-operator.io/max-skew</c>, and turn rules off with <c>lb-operator.io/ignore-rules</c>.</summary>
/// <param name="EndpointsMayBeAbsent">
/// True when the input may simply not carry EndpointSlices, as with manifests rendered by a chart:
/// a Service with no EndpointSlice at all then has unknown endpoints (a note, no LB002) instead of
/// none. In a cluster the EndpointSlice controller writes a slice even for an empty Service, so the
/// operator and the webhook keep the default and report the blackhole.
/// </param>
/// <param name="IgnoredRules">Rule ids (<c>LB004</c>) whose findings are dropped everywhere.</param>
/// <param name="LoadBalancer">
/// The load balancer to assume when neither the Service (its class or annotations) nor the cluster
/// (MetalLB advertisements, the Nodes' provider ids) shows it; null leaves it to detection.
/// </param>
/// <param name="IngressNginxControllers">
/// IngressClass controllers served by ingress-nginx besides <c>k8s.io/ingress-nginx</c>, for installs
/// started with a custom <c>--controller-class</c>.
/// </param>
public sealed record AnalysisPolicy(
    double WarnSkew = 1.5,
    double MaxSkew = 2.0,
    bool EndpointsMayBeAbsent = false,
    LoadBalancerImplementation? LoadBalancer = null,
    IReadOnlyList<string>? IngressNginxControllers = null,
    IReadOnlySet<string>? IgnoredRules = null)
{
    public static AnalysisPolicy Default { get; } = new();

    public bool Ignores(string ruleId) => IgnoredRules is { Count: > 0 } ignored && ignored.Contains(ruleId);
}
