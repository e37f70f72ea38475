namespace LbOperator.Core.Analysis;

/// <summary>
/// The load balancer in front of a LoadBalancer Service, as far as it changes the spread. Named in
/// settings as <c>aws</c>, <c>aws-lbc</c>, <c>gke</c>, <c>metallb-l2</c>, <c>metallb-bgp</c> and <c>none</c>.
/// </summary>
public enum LoadBalancerImplementation
{
    /// <summary>No modelled load balancer: it sends evenly to the nodes that pass its health check.</summary>
    None,

    /// <summary>The in-tree / cloud-provider-aws controller: Classic ELB or NLB with instance targets.</summary>
    Aws,

    /// <summary>The AWS Load Balancer Controller: NLB with instance or IP targets.</summary>
    AwsLbc,

    /// <summary>Google Cloud passthrough Network Load Balancers, which span zones.</summary>
    Gke,

    /// <summary>MetalLB in layer 2 mode: one node answers for the IP.</summary>
    MetalLbL2,

    /// <summary>MetalLB in BGP mode: the routers spread over the announcing nodes.</summary>
    MetalLbBgp,
}

/// <summary>The setting names of <see cref="LoadBalancerImplementation"/>.</summary>
public static class LoadBalancerNames
{
    private static readonly (string Name, LoadBalancerImplementation Value)[] Names =
    [
        ("none", LoadBalancerImplementation.None),
        ("aws", LoadBalancerImplementation.Aws),
        ("aws-lbc", LoadBalancerImplementation.AwsLbc),
        ("gke", LoadBalancerImplementation.Gke),
        ("metallb-l2", LoadBalancerImplementation.MetalLbL2),
        ("metallb-bgp", LoadBalancerImplementation.MetalLbBgp),
    ];

    /// <summary>Every accepted name, in the order the documentation lists them.</summary>
    public static IReadOnlyList<string> All { get; } = Array.ConvertAll(Names, n => n.Name);

    public static bool TryParse(string? name, out LoadBalancerImplementation value)
    {
        foreach (var (known, implementation) in Names)
        {
            if (string.Equals(known, name?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                value = implementation;
                return true;
            }
        }

        value = LoadBalancerImplementation.None;
        return false;
    }

    public static string NameOf(LoadBalancerImplementation value) =>
        Array.Find(Names, n => n.Value == value).Name ?? "none";
}
