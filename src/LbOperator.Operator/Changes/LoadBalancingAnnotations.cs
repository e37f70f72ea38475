namespace LbOperator.Operator.Changes;

/// <summary>
/// The annotations that steer load balancing and so count as load-balancing configuration.
/// The README lists them; keep both in step.
/// </summary>
public static class LoadBalancingAnnotations
{
    private static readonly string[] ServiceExact =
    [
        "service.kubernetes.io/topology-mode",
        "service.kubernetes.io/topology-aware-hints",
    ];

    /// <summary>Cloud and bare-metal load-balancer controllers read their settings from these prefixes.</summary>
    private static readonly string[] ServicePrefixes =
    [
        "service.beta.kubernetes.io/",
        "cloud.google.com/",
        "networking.gke.io/",
        "load-balancer.hetzner.cloud/",
        "oci.oraclecloud.com/",
        "oci-network-load-balancer.oraclecloud.com/",
        "metallb.universe.tf/",
        "metallb.io/",
    ];

    private static readonly string[] IngressExact =
    [
        "nginx.ingress.kubernetes.io/upstream-hash-by",
        "nginx.ingress.kubernetes.io/upstream-hash-by-subset",
        "nginx.ingress.kubernetes.io/upstream-hash-by-subset-size",
        "nginx.ingress.kubernetes.io/load-balance",
        "nginx.ingress.kubernetes.io/affinity",
        "nginx.ingress.kubernetes.io/affinity-mode",
        "nginx.ingress.kubernetes.io/service-upstream",
        "kubernetes.io/ingress.class",
    ];

    private static readonly string[] IngressPrefixes =
    [
        "nginx.ingress.kubernetes.io/canary",
        "alb.ingress.kubernetes.io/actions.",
        "alb.ingress.kubernetes.io/target-type",
    ];

    /// <summary>
    /// Topology annotations, every <c>service.beta.kubernetes.io/*</c>, any <c>service.kubernetes.io/*</c>
    /// annotation naming a load balancer, and the cloud controllers' own prefixes.
    /// </summary>
    public static bool IsServiceAnnotation(string key) =>
        ServiceExact.Contains(key, StringComparer.Ordinal)
        || ServicePrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal))
        || (key.StartsWith("service.kubernetes.io/", StringComparison.Ordinal)
            && (key.Contains("load-balancer", StringComparison.Ordinal) || key.Contains("loadbalancer", StringComparison.Ordinal)));

    /// <summary>ingress-nginx canary, hashing, balancing and affinity annotations, ALB actions and target type, and the legacy class annotation.</summary>
    public static bool IsIngressAnnotation(string key) =>
        IngressExact.Contains(key, StringComparer.Ordinal)
        || IngressPrefixes.Any(prefix => key.StartsWith(prefix, StringComparison.Ordinal));
}
