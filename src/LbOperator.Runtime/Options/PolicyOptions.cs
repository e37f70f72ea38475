using LbOperator.Core.Analysis;

namespace LbOperator.Runtime.Options;

/// <summary>
/// <c>LbOperator:Policy</c>, the one analysis policy of the process, shared by the audit and the webhook:
/// skew thresholds (warn at <see cref="WarnSkew"/>, error at <see cref="MaxSkew"/>) and the load balancer to assume.
/// </summary>
public sealed class PolicyOptions
{
    public const string SectionName = "LbOperator:Policy";

    public double WarnSkew { get; set; } = 1.5;

    public double MaxSkew { get; set; } = 2.0;

    /// <summary>
    /// The load balancer to assume when neither a Service nor the cluster shows it: aws, aws-lbc, gke,
    /// metallb-l2, metallb-bgp or none; unset leaves it to detection.
    /// </summary>
    public string? LoadBalancer { get; set; }

    /// <summary>IngressClass controllers served by ingress-nginx besides k8s.io/ingress-nginx (a custom --controller-class).</summary>
    public List<string> IngressNginxControllers { get; set; } = [];

    /// <summary>The analysis policy these options describe; call after validation.</summary>
    public AnalysisPolicy ToAnalysisPolicy() => new(
        WarnSkew,
        MaxSkew,
        LoadBalancer: LoadBalancerNames.TryParse(LoadBalancer, out var implementation) ? implementation : null,
        IngressNginxControllers: IngressNginxControllers.Count == 0 ? null : IngressNginxControllers);
}
