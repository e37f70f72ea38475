using LbOperator.Core.Model;

namespace LbOperator.Core.Analysis.LoadBalancers;

/// <summary>
/// Which load balancer serves a LoadBalancer Service. The Service's own word comes first
/// (<c>spec.loadBalancerClass</c>, then the controller annotations), then the policy setting, then the
/// cluster: MetalLB advertisements, then the Nodes' <c>spec.providerID</c>.
/// </summary>
internal static class LoadBalancerDetection
{
    public const string AwsLbcClass = "service.k8s.aws/nlb";
    public const string AwsTypeAnnotation = "service.beta.kubernetes.io/aws-load-balancer-type";
    private const string AwsPrefix = "service.beta.kubernetes.io/aws-load-balancer-";

    public static DetectedLoadBalancer Detect(AnalysisContext context, ServiceInfo service)
    {
        var policy = context.Policy.LoadBalancer;
        if (service.LoadBalancerClass is { } lbClass)
        {
            return ByClass(lbClass);
        }

        if (ByAnnotations(context, service, policy) is { } annotated)
        {
            return annotated;
        }

        if (policy is { } named)
        {
            return new(named, $"LbOperator:Policy:LoadBalancer {LoadBalancerNames.NameOf(named)}");
        }

        if (AdvertisedMode(context, service, out var mode) is { } metalLb)
        {
            return new(metalLb, mode);
        }

        return ByProvider(context.View.Nodes);
    }

    // The AWS Load Balancer Controller owns a Service only by class or by type external / nlb-ip:
    // https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/nlb/
    private static DetectedLoadBalancer ByClass(string lbClass)
    {
        if (lbClass is AwsLbcClass or "eks.amazonaws.com/nlb")
        {
            return new(LoadBalancerImplementation.AwsLbc, $"loadBalancerClass {lbClass}");
        }

        return lbClass.StartsWith("networking.gke.io/", StringComparison.Ordinal)
            ? new(LoadBalancerImplementation.Gke, $"loadBalancerClass {lbClass}")
            : new(LoadBalancerImplementation.None, $"loadBalancerClass {lbClass} (not a modelled load balancer)");
    }

    private static DetectedLoadBalancer? ByAnnotations(AnalysisContext context, ServiceInfo service, LoadBalancerImplementation? policy)
    {
        var annotations = service.Annotations;
        if (annotations.TryGetValue(AwsTypeAnnotation, out var type))
        {
            var value = type.Trim().ToLowerInvariant();
            if (value is "external" or "nlb-ip")
            {
                return new(LoadBalancerImplementation.AwsLbc, $"{AwsTypeAnnotation}: {value}");
            }

            return new(LoadBalancerImplementation.Aws, $"{AwsTypeAnnotation}: {value}");
        }

        foreach (var key in annotations.Keys)
        {
            if (key.StartsWith(AwsPrefix, StringComparison.Ordinal))
            {
                return policy == LoadBalancerImplementation.AwsLbc
                    ? new(LoadBalancerImplementation.AwsLbc, $"{key} and LbOperator:Policy:LoadBalancer aws-lbc")
                    : new(LoadBalancerImplementation.Aws, $"{key} without a Load Balancer Controller class or type");
            }

            if (key.StartsWith("networking.gke.io/", StringComparison.Ordinal) || key.StartsWith("cloud.google.com/", StringComparison.Ordinal))
            {
                return new(LoadBalancerImplementation.Gke, key);
            }

            if (key.StartsWith("metallb.universe.tf/", StringComparison.Ordinal) || key.StartsWith("metallb.io/", StringComparison.Ordinal))
            {
                if (policy is LoadBalancerImplementation.MetalLbL2 or LoadBalancerImplementation.MetalLbBgp)
                {
                    return new(policy.Value, $"{key} and LbOperator:Policy:LoadBalancer {LoadBalancerNames.NameOf(policy.Value)}");
                }

                return AdvertisedMode(context, service, out var mode) is { } metalLb
                    ? new(metalLb, $"{key}; {mode}")
                    : new(LoadBalancerImplementation.MetalLbL2, $"{key}; no advertisement known, layer 2 assumed");
            }
        }

        return null;
    }

    /// <summary>The mode of the advertisements covering the Service's pool; layer 2 when both modes do (the more concentrated).</summary>
    private static LoadBalancerImplementation? AdvertisedMode(AnalysisContext context, ServiceInfo service, out string source)
    {
        source = string.Empty;
        var pool = MetalLbPool(service.Annotations);
        string? l2 = null, bgp = null;
        foreach (var advertisement in context.View.MetalLbAdvertisements)
        {
            if (pool is not null && advertisement.IpAddressPools.Count > 0 && !advertisement.IpAddressPools.Contains(pool))
            {
                continue;
            }

            var name = $"{advertisement.Namespace}/{advertisement.Name}";
            if (advertisement.Mode == MetalLbMode.Layer2)
            {
                l2 ??= name;
            }
            else
            {
                bgp ??= name;
            }
        }

        if (l2 is not null)
        {
            source = bgp is null ? $"L2Advertisement {l2}" : $"L2Advertisement {l2} (BGPAdvertisement {bgp} also announces it; layer 2 is the more concentrated)";
            return LoadBalancerImplementation.MetalLbL2;
        }

        if (bgp is not null)
        {
            source = $"BGPAdvertisement {bgp}";
            return LoadBalancerImplementation.MetalLbBgp;
        }

        return null;
    }

    private static string? MetalLbPool(IReadOnlyDictionary<string, string> annotations) =>
        annotations.TryGetValue("metallb.io/address-pool", out var pool) || annotations.TryGetValue("metallb.universe.tf/address-pool", out pool)
            ? pool.Trim()
            : null;

    private static DetectedLoadBalancer ByProvider(IReadOnlyCollection<NodeInfo> nodes)
    {
        foreach (var node in nodes)
        {
            var provider = node.ProviderId;
            if (provider is null)
            {
                continue;
            }

            if (provider.StartsWith("aws://", StringComparison.Ordinal))
            {
                return new(LoadBalancerImplementation.Aws, $"Node {node.Name} spec.providerID aws://");
            }

            if (provider.StartsWith("gce://", StringComparison.Ordinal))
            {
                return new(LoadBalancerImplementation.Gke, $"Node {node.Name} spec.providerID gce://");
            }

            if (provider.StartsWith("azure://", StringComparison.Ordinal))
            {
                return new(LoadBalancerImplementation.None, $"Node {node.Name} spec.providerID azure:// (Azure Load Balancer: nodes, zone-redundant)");
            }
        }

        return DetectedLoadBalancer.None;
    }
}
