using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;

namespace LbOperator.Core.Tests.Analysis.LoadBalancers;

/// <summary>
/// AWS load balancers. Cross-zone off: each zone gets 1/|zones|, then its targets share it evenly
/// (https://docs.aws.amazon.com/elasticloadbalancing/latest/network/network-load-balancers.html#cross-zone-load-balancing).
/// Target type and cross-zone per controller: https://kubernetes-sigs.github.io/aws-load-balancer-controller/latest/guide/service/annotations/
/// and https://cloud-provider-aws.sigs.k8s.io/service_controller/.
/// </summary>
public sealed class AwsLoadBalancerTests
{
    private const string External = "service.beta.kubernetes.io/aws-load-balancer-type=external";
    private const string Ip = "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type=ip";
    private const string CrossZoneAttribute = "service.beta.kubernetes.io/aws-load-balancer-attributes=load_balancing.cross_zone.enabled=true";
    private const string InTreeNlb = "service.beta.kubernetes.io/aws-load-balancer-type=nlb";
    private const string InTreeCrossZone = "service.beta.kubernetes.io/aws-load-balancer-cross-zone-load-balancing-enabled=true";

    // Pods a1:3, a2:1, b1:1 (web-0..2 on a1, web-3 on a2, web-4 on b1).
    // IP targets, cross-zone off: zone a ½ over 4 pods = 12.5% each, zone b ½ on one pod = 50% → skew 0.5 × 5 = 2.5.
    // Instance targets under Local, cross-zone off: a1's pods ½ × ½ ÷ 3 = 8.33%, web-3 ½ × ½ = 25%, web-4 50% → skew 2.5.
    // Instance targets under Local, cross-zone on: ⅓ per node: a1's pods 11.1%, web-3 and web-4 33.3% → skew 5/3.
    // Instance targets under Cluster: kube-proxy spreads evenly → 20% each, skew 1.0.
    [Theory]
    [InlineData("ip targets by type external", External + ";" + Ip, null, TrafficPolicy.Cluster, 2.5, 0.125, SkewCause.ZonalLoadBalancing)]
    [InlineData("ip targets by class", Ip, "service.k8s.aws/nlb", TrafficPolicy.Local, 2.5, 0.125, SkewCause.ZonalLoadBalancing)]
    [InlineData("legacy nlb-ip means ip targets", "service.beta.kubernetes.io/aws-load-balancer-type=nlb-ip", null, TrafficPolicy.Cluster, 2.5, 0.125, SkewCause.ZonalLoadBalancing)]
    [InlineData("ip targets with cross-zone on", External + ";" + Ip + ";" + CrossZoneAttribute, null, TrafficPolicy.Local, 1.0, 0.2, SkewCause.None)]
    [InlineData("controller default is instance targets", External, null, TrafficPolicy.Local, 2.5, 0.25, SkewCause.ZonalLoadBalancing)]
    [InlineData("controller instance targets with cross-zone on", External + ";" + CrossZoneAttribute, null, TrafficPolicy.Local, 5.0 / 3, 1.0 / 3, SkewCause.ExternalTrafficPolicyLocal)]
    [InlineData("in-tree nlb ignores the ip target type", InTreeNlb + ";" + Ip, null, TrafficPolicy.Cluster, 1.0, 0.2, SkewCause.None)]
    [InlineData("in-tree nlb under Local is zonal", InTreeNlb + ";" + Ip, null, TrafficPolicy.Local, 2.5, 0.25, SkewCause.ZonalLoadBalancing)]
    [InlineData("in-tree cross-zone annotation", InTreeNlb + ";" + InTreeCrossZone, null, TrafficPolicy.Local, 5.0 / 3, 1.0 / 3, SkewCause.ExternalTrafficPolicyLocal)]
    [InlineData("target type without a controller type is in-tree", Ip, null, TrafficPolicy.Local, 2.5, 0.25, SkewCause.ZonalLoadBalancing)]
    public void An_aws_load_balancer_splits_by_zone_target_type_and_cross_zone(string because, string annotations, string? lbClass, TrafficPolicy external, double skew, double shareOfWeb3, SkewCause cause)
    {
        var report = LoadBalancerCase.Analyze(LoadBalancerCase.Cluster("a1:3,a2:1,b1:1", external, annotations, lbClass));

        var result = Assert.Single(report.EntryPoints);
        Assert.True(Math.Abs(skew - result.Skew) < 1e-9, $"{because}: skew {result.Skew}, expected {skew}");
        Assert.Equal(shareOfWeb3, result.ShareOf("web-3"), 9);
        Assert.Equal(cause, result.Cause);
    }

    [Fact]
    public void Four_ip_target_pods_in_one_zone_and_one_in_another_send_half_the_traffic_to_the_lone_pod_with_a_zonal_error()
    {
        var report = LoadBalancerCase.Analyze(LoadBalancerCase.Cluster("a1:2,a2:2,b1:1", TrafficPolicy.Local, External + ";" + Ip));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(0.5, result.ShareOf("web-4"), 9);
        Assert.Equal(2.5, result.Skew);
        Assert.Equal([new GroupShare("eu-west-1a", 4, 0.5), new GroupShare("eu-west-1b", 1, 0.5)], result.Zones);
        var finding = Assert.Single(report.WithRule("LB001"));
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(SkewCause.ZonalLoadBalancing, finding.Cause);
        Assert.Equal(
            "web: 50% of traffic goes to web-4 on b1, 2.5× its fair share of 20% (limit 2.0). "
            + "Cause: zonal load balancing: cross-zone load balancing is off, so each of 2 zones gets 50% and zone eu-west-1b has the fewest pods (eu-west-1a 4, eu-west-1b 1). "
            + "Fix: enable cross-zone load balancing (service.beta.kubernetes.io/aws-load-balancer-attributes: load_balancing.cross_zone.enabled=true) or spread pods evenly across zones (topologySpreadConstraints on topology.kubernetes.io/zone).",
            finding.Message);
    }

    [Theory]
    [InlineData(null, "aws://eu-west-1a/i-1", 2.5, "aws (from Node a1 spec.providerID aws://)")]
    [InlineData(LoadBalancerImplementation.AwsLbc, null, 2.5, "aws-lbc (from service.beta.kubernetes.io/aws-load-balancer-nlb-target-type and LbOperator:Policy:LoadBalancer aws-lbc)")]
    [InlineData(LoadBalancerImplementation.None, "aws://eu-west-1a/i-1", 2.5, "aws (from service.beta.kubernetes.io/aws-load-balancer-nlb-target-type without a Load Balancer Controller class or type)")]
    public void Detection_reads_the_service_first_then_the_policy_then_the_nodes(LoadBalancerImplementation? policy, string? providerId, double skew, string note)
    {
        var annotations = providerId is null || policy is not null ? Ip : string.Empty;
        var report = LoadBalancerCase.Analyze(LoadBalancerCase.Cluster("a1:2,a2:2,b1:1", TrafficPolicy.Local, annotations, providerId: providerId), policy);

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(skew, result.Skew);
        Assert.Contains("load balancer: " + note, result.Notes);
    }

    [Fact]
    public void The_policy_names_the_load_balancer_when_nothing_else_shows_it()
    {
        var cluster = LoadBalancerCase.Cluster("a1:2,a2:2,b1:1", TrafficPolicy.Local, providerId: "aws://eu-west-1a/i-1");

        Assert.Equal(2.5, Assert.Single(LoadBalancerCase.Analyze(cluster).EntryPoints).Skew);
        Assert.Equal(5.0 / 3, Assert.Single(LoadBalancerCase.Analyze(cluster, LoadBalancerImplementation.None).EntryPoints).Skew, 9);
    }
}
