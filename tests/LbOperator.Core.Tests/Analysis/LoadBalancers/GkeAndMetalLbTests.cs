using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;

namespace LbOperator.Core.Tests.Analysis.LoadBalancers;

/// <summary>
/// GKE weighted load balancing (https://cloud.google.com/kubernetes-engine/docs/concepts/service-load-balancer#weighted-load-balancing)
/// and MetalLB (https://metallb.universe.tf/concepts/layer2/, https://metallb.universe.tf/concepts/bgp/,
/// https://metallb.universe.tf/usage/#traffic-policies).
/// </summary>
public sealed class GkeAndMetalLbTests
{
    private const string Gce = "gce://project/europe-west1-b/n1";

    // Pods a1:3, b1:1 under Local. Per node: web-3 gets ½ → skew 2.0 (a warning). Pods-per-node weighting: 25% each.
    [Theory]
    [InlineData("", null, 2.0)]
    [InlineData("networking.gke.io/weighted-load-balancing=pods-per-node", null, 1.0)]
    [InlineData("networking.gke.io/weighted-load-balancing=pods-per-node", "networking.gke.io/l4-regional-external", 1.0)]
    public void Gke_pods_per_node_weighting_makes_local_even_per_pod(string annotations, string? lbClass, double skew)
    {
        var report = LoadBalancerCase.Analyze(LoadBalancerCase.Cluster("a1:3,b1:1", TrafficPolicy.Local, annotations, lbClass, Gce));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(skew, result.Skew, 9);
        Assert.Equal(skew > 1.5, report.WithRule("LB001").Length == 1);
        Assert.Contains(result.Notes, n => n.StartsWith("load balancer: gke", StringComparison.Ordinal));
    }

    // Layer 2 under Local: the busiest eligible node takes everything, skew = |pool| ÷ |its pods|.
    // a1:2,b1:2,b2:2 → 6 ÷ 2 = 3.0; a1:3,b1:1 → 4 ÷ 3; a1:4 → 1.0. Under Cluster kube-proxy evens it out.
    // BGP: per node like a cloud load balancer without zones: a1:3,b1:1 → web-3 gets ½, skew 2.0.
    [Theory]
    [InlineData(MetalLbMode.Layer2, "a1:2,b1:2,b2:2", TrafficPolicy.Local, 3.0)]
    [InlineData(MetalLbMode.Layer2, "a1:3,b1:1", TrafficPolicy.Local, 4.0 / 3)]
    [InlineData(MetalLbMode.Layer2, "a1:4", TrafficPolicy.Local, 1.0)]
    [InlineData(MetalLbMode.Layer2, "a1:3,b1:1", TrafficPolicy.Cluster, 1.0)]
    [InlineData(MetalLbMode.Bgp, "a1:3,b1:1", TrafficPolicy.Local, 2.0)]
    [InlineData(MetalLbMode.Bgp, "a1:3,b1:1", TrafficPolicy.Cluster, 1.0)]
    public void Metallb_advertisements_decide_between_one_announcing_node_and_per_node_spread(MetalLbMode mode, string pods, TrafficPolicy external, double skew)
    {
        var cluster = LoadBalancerCase.Cluster(pods, external)
            .With(new MetalLbAdvertisementInfo("metallb-system", "default", mode, []));

        var result = Assert.Single(LoadBalancerCase.Analyze(cluster).EntryPoints);

        Assert.Equal(skew, result.Skew, 9);
    }

    [Fact]
    public void Layer2_local_gives_the_pods_of_other_nodes_nothing_and_says_the_announcing_node_is_unknowable()
    {
        var cluster = LoadBalancerCase.Cluster("a1:2,b1:2,b2:2", TrafficPolicy.Local, "metallb.io/address-pool=public")
            .With(new MetalLbAdvertisementInfo("metallb-system", "public-l2", MetalLbMode.Layer2, ["public"]))
            .With(new MetalLbAdvertisementInfo("metallb-system", "private-bgp", MetalLbMode.Bgp, ["private"]));

        var report = LoadBalancerCase.Analyze(cluster);

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(0.5, result.ShareOf("web-0"), 9);
        Assert.Equal(0, result.ShareOf("web-2"));
        Assert.Equal(3.0, result.Skew, 9);
        Assert.Equal(SkewCause.ExternalTrafficPolicyLocal, result.Cause);
        Assert.Contains("load balancer: metallb-l2 (from metallb.io/address-pool; L2Advertisement metallb-system/public-l2)", result.Notes);
        Assert.Contains(result.Notes, n => n.Contains("cannot be known from the API, so the busiest (a1, 2 pod(s)) is assumed", StringComparison.Ordinal));
        var finding = Assert.Single(report.WithRule("LB001"));
        Assert.Contains("set externalTrafficPolicy: Cluster, or announce the IP with BGP", finding.Message, StringComparison.Ordinal);
    }

    // a1:4,b1:1 under Local. Layer 2: a1 takes all, 5 ÷ 4 = 1.25. BGP: ½ per node, web-4 gets ½ → 2.5.
    [Theory]
    [InlineData(LoadBalancerImplementation.MetalLbL2, 1.25)]
    [InlineData(LoadBalancerImplementation.MetalLbBgp, 2.5)]
    public void The_policy_names_the_metallb_mode_when_no_advertisement_is_in_the_input(LoadBalancerImplementation policy, double skew)
    {
        var cluster = LoadBalancerCase.Cluster("a1:4,b1:1", TrafficPolicy.Local);

        var result = Assert.Single(LoadBalancerCase.Analyze(cluster, policy).EntryPoints);

        Assert.Equal(skew, result.Skew, 9);
    }
}
