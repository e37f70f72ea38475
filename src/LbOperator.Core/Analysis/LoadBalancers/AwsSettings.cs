using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.LoadBalancers;

/// <summary>
/// The AWS settings that shape the spread: whether targets are pods (IP) or nodes (instance), whether
/// cross-zone load balancing is on, and the setting that turns it on, for the fix.
/// </summary>
internal sealed record AwsSettings(bool IpTargets, bool CrossZone, string CrossZoneSetting)
{
    public const string NlbTargetType = "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type";
    public const string InTreeCrossZone = "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled";
    public const string Attributes = "service.beta.kubernetes.io/aws-load-balancer-attributes";
    private const string CrossZoneAttribute = "load_balancing.cross_zone.enabled";

    /// <summary>
    /// cloud-provider-aws registers instances whatever the target-type annotation says, and reads cross-zone
    /// from its own annotation, off by default:
    /// https://cloud-provider-aws.sigs.k8s.io/service_controller/ and
    /// https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing.
    /// </summary>
    public static AwsSettings InTree(ServiceInfo service) => new(
        IpTargets: false,
        CrossZone: IsTrue(service.Annotations, InTreeCrossZone),
        CrossZoneSetting: $"{InTreeCrossZone}: \"true\"");

    /// <summary>
    /// The AWS Load Balancer Controller: target type from <c>aws-load-balancer-nlb-target-type</c> (instance by
    /// default, ip for the legacy <c>nlb-ip</c> type), cross-zone from <c>aws-load-balancer-attributes</c>, off by
    /// default for an NLB: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/.
    /// </summary>
    public static AwsSettings Controller(ServiceInfo service)
    {
        var annotations = service.Annotations;
        var ipTargets = annotations.TryGetValue(NlbTargetType, out var target)
            ? string.Equals(target.Trim(), "ip", StringComparison.OrdinalIgnoreCase)
            : annotations.TryGetValue(LoadBalancerDetection.AwsTypeAnnotation, out var type)
                && string.Equals(type.Trim(), "nlb-ip", StringComparison.OrdinalIgnoreCase);
        return new(ipTargets, CrossZoneAttributeOn(annotations), $"{Attributes}: {CrossZoneAttribute}=true");
    }

    private static bool CrossZoneAttributeOn(IReadOnlyDictionary<string, string> annotations)
    {
        if (!annotations.TryGetValue(Attributes, out var attributes))
        {
            return false;
        }

        foreach (var pair in attributes.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var separator = pair.IndexOf('=', StringComparison.Ordinal);
            if (separator > 0 && pair[..separator].Trim() == CrossZoneAttribute)
            {
                return string.Equals(pair[(separator + 1)..].Trim(), "true", StringComparison.OrdinalIgnoreCase);
            }
        }

        return false;
    }

    private static bool IsTrue(IReadOnlyDictionary<string, string> annotations, string key) =>
        annotations.TryGetValue(key, out var value) && string.Equals(value.Trim(), "true", StringComparison.OrdinalIgnoreCase);
}
