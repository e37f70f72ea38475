using System.Globalization;
using LbOperator.Core.Analysis;

namespace LbOperator.Webhook.Evaluation;

/// <summary>
/// The message of a denial: the rule, what the setting would do in numbers, the fix, and how to
/// override. LB001 is phrased from the entry point's hottest endpoint, so the user sees where traffic lands.
/// </summary>
public static class DenialMessage
{
    public static string For(Finding finding, ObjectEvaluation evaluation)
    {
        if (finding.RuleId != Rules.TrafficSkew.Id)
        {
            return Prefixed(finding);
        }

        var result = evaluation.EntryPoints.FirstOrDefault(e =>
            e.EntryPoint.Name == finding.EntryPoint && e.Endpoints.Count > 0 && e.EntryPoint.Objects.Contains(finding.Object));
        result ??= evaluation.EntryPoints.FirstOrDefault(e => e.EntryPoint.Name == finding.EntryPoint && e.Endpoints.Count > 0);
        var (setting, fix) = Describe(finding.Cause);
        const string Override = "Override: annotate lb-operator.io/max-skew.";
        if (result is null)
        {
            return $"{Prefixed(finding)} {fix} {Override}";
        }

        var hottest = result.Endpoints[0];
        var where = hottest.Node is null ? hottest.Endpoint : $"{hottest.Endpoint} on {hottest.Node}";
        var skew = finding.Skew ?? result.Skew;
        var scope = finding.Object.Kind == Core.Model.ObjectKind.Service ? string.Empty : $" on {finding.EntryPoint}";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{finding.RuleId}: {setting}{scope} would send {Percent(hottest.Share)} of traffic to {where} ({skew:0.0}× its fair share). {fix} {Override}");
    }

    private static (string Setting, string Fix) Describe(SkewCause cause) => cause switch
    {
        SkewCause.ExternalTrafficPolicyLocal => (
            "externalTrafficPolicy: Local",
            "Spread pods evenly across nodes (topologySpreadConstraints) or use externalTrafficPolicy: Cluster."),
        SkewCause.InternalTrafficPolicyLocal => (
            "internalTrafficPolicy: Local",
            "Spread pods evenly across nodes (topologySpreadConstraints) or use internalTrafficPolicy: Cluster."),
        SkewCause.TopologyRouting => (
            "topology-aware routing",
            "Spread endpoints evenly across zones (topologySpreadConstraints) or remove spec.trafficDistribution and the topology-mode annotation."),
        SkewCause.BackendWeights => (
            "the backendRef weights",
            "Make each backend's weight proportional to its number of ready endpoints."),
        SkewCause.CanaryWeight => (
            "the canary weight",
            "Lower nginx.ingress.kubernetes.io/canary-weight or scale the canary to more pods."),
        SkewCause.ZonalLoadBalancing => (
            "zonal load balancing (cross-zone off)",
            "Enable cross-zone load balancing (service.beta.kubernetes.io/aws-load-balancer-attributes: load_balancing.cross_zone.enabled=true; in-tree: service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled: \"true\") or spread pods evenly across zones (topologySpreadConstraints)."),
        _ => ("this change", "Spread the traffic evenly across endpoints."),
    };

    private static string Percent(double share)
    {
        var percent = share * 100;
        var format = Math.Abs(percent - Math.Round(percent)) < 0.05 ? "0" : "0.#";
        return percent.ToString(format, CultureInfo.InvariantCulture) + "%";
    }

    private static string Prefixed(Finding finding) =>
        finding.Message.StartsWith(finding.RuleId, StringComparison.Ordinal) ? finding.Message : $"{finding.RuleId}: {finding.Message}";
}
