using LbOperator.Core.Analysis;
using LbOperator.Core.Model;
using LbOperator.Core.Tests.Builders;
using static LbOperator.Core.Tests.Builders.Objects;

namespace LbOperator.Core.Tests.Analysis.Services;

public sealed class ServiceSpreadTests
{
    private static ClusterBuilder Checkout(ServiceType type, TrafficPolicy external, params (string Key, string Value)[] annotations) =>
        new ClusterBuilder()
            .With(Service("checkout", type) with { ExternalTrafficPolicy = external, Annotations = Annotations(annotations) })
            .Pods("checkout", ("node-a", 5), ("node-b", 1));

    [Fact]
    public void Outage_replay_local_policy_with_five_pods_on_one_node_and_one_on_another_gives_skew_three_and_an_error()
    {
        var view = Checkout(ServiceType.LoadBalancer, TrafficPolicy.Local).Build();

        var report = Analyzed.Of(view, ServiceRef("checkout"));

        var result = Assert.Single(report.EntryPoints);
        Assert.Equal(0.5, result.ShareOf("checkout-5"), 9);
        Assert.Equal(0.1, result.ShareOf("checkout-0"), 9);
        Assert.Equal(6, result.PoolSize);
        Assert.Equal(3.0, result.Skew);
        Assert.Equal(SkewCause.ExternalTrafficPolicyLocal, result.Cause);
        Assert.Equal([new GroupShare("node-a", 5, 0.5), new GroupShare("node-b", 1, 0.5)], result.Nodes.Select(g => g with { Share = Math.Round(g.Share, 9) }));
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("LB001", "TrafficSkew", Severity.Error), (finding.RuleId, finding.RuleName, finding.Severity));
        Assert.Equal(3.0, finding.Skew);
        Assert.Equal(SkewCause.ExternalTrafficPolicyLocal, finding.Cause);
        Assert.Equal(ServiceRef("checkout"), finding.Object);
        Assert.Equal(
            "checkout: 50% of traffic goes to checkout-5 on node-b, 3.0× its fair share of 16.7% (limit 2.0). "
            + "Cause: externalTrafficPolicy Local with uneven pods per node (node-a 5, node-b 1). "
            + "Fix: spread the pods evenly over nodes (topologySpreadConstraints on kubernetes.io/hostname) or set externalTrafficPolicy: Cluster.",
            finding.Message);
    }

    [Theory]
    [InlineData(ServiceType.LoadBalancer, TrafficPolicy.Local, 3.0)]
    [InlineData(ServiceType.NodePort, TrafficPolicy.Local, 3.0)]
    [InlineData(ServiceType.ClusterIP, TrafficPolicy.Local, 1.0)]
    [InlineData(ServiceType.LoadBalancer, TrafficPolicy.Cluster, 1.0)]
    public void External_local_policy_splits_per_node_only_on_load_balancer_and_node_port_services(ServiceType type, TrafficPolicy policy, double skew)
    {
        var view = Checkout(type, policy).Build();

        Assert.Equal(skew, Analyzed.ServiceEntry(view, "checkout").Skew);
    }

    [Theory]
    [InlineData("service.beta.kubernetes.io/aws-load-balancer-type", "nlb-ip", 1.0)]
    [InlineData("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "ip", 3.0)]
    [InlineData("service.beta.kubernetes.io/aws-load-balancer-nlb-target-type", "instance", 3.0)]
    public void Only_the_load_balancer_controller_targets_pods_directly_despite_local_policy(string key, string value, double skew)
    {
        var view = Checkout(ServiceType.LoadBalancer, TrafficPolicy.Local, (key, value)).Build();

        var result = Analyzed.ServiceEntry(view, "checkout");

        Assert.Equal(skew, result.Skew);
        Assert.Equal(skew == 1.0, result.Notes.Any(n => n.Contains("targets pods directly", StringComparison.Ordinal)));
    }

    [Fact]
    public void Internal_local_policy_splits_per_node_and_notes_that_nodes_without_an_endpoint_drop_traffic()
    {
        var view = new ClusterBuilder()
            .With(Service("dns") with { InternalTrafficPolicy = TrafficPolicy.Local })
            .Pods("dns", ("node-a", 3), ("node-b", 1))
            .With(Node("node-a")).With(Node("node-b")).With(Node("node-c"))
            .Build();

        var result = Analyzed.ServiceEntry(view, "dns");

        Assert.Equal(0.5, result.ShareOf("dns-3"), 9);
        Assert.Equal(2.0, result.Skew);
        Assert.Equal(SkewCause.InternalTrafficPolicyLocal, result.Cause);
        Assert.Contains("internalTrafficPolicy Local: traffic from nodes without a local endpoint is dropped (1 of 3 nodes have none)", result.Notes);
    }

    [Fact]
    public void Session_affinity_keeps_the_shares_and_gives_an_info_finding()
    {
        var view = new ClusterBuilder()
            .With(Service("web") with { SessionAffinity = SessionAffinity.ClientIP })
            .Pods("web", ("node-a", 1), ("node-b", 1))
            .Build();

        var report = Analyzed.Of(view, ServiceRef("web"));

        Assert.Equal(1.0, Assert.Single(report.EntryPoints).Skew);
        var finding = Assert.Single(report.Findings);
        Assert.Equal(("LB006", Severity.Info), (finding.RuleId, finding.Severity));
        Assert.StartsWith("web: sessionAffinity ClientIP", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Endpoints_without_a_node_count_as_one_unknown_node_under_local_policy()
    {
        var view = new ClusterBuilder()
            .With(Service("web", ServiceType.LoadBalancer) with { ExternalTrafficPolicy = TrafficPolicy.Local })
            .With(Slice("web", "s1", Endpoint("a", "node-a"), Endpoint("b"), Endpoint("c")))
            .Build();

        var result = Analyzed.ServiceEntry(view, "web");

        Assert.Equal(0.5, result.ShareOf("a"), 9);
        Assert.Equal(0.25, result.ShareOf("b"), 9);
        Assert.Contains(new GroupShare("(unknown)", 2, 0.5), result.Nodes);
    }
}
