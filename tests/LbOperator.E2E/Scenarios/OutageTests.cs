using LbOperator.E2E.Infrastructure;

namespace LbOperator.E2E.Scenarios;

/// <summary>
/// The outage the project exists for, on real EndpointSlices: five checkout pods on node-a, one on
/// node-b, behind <c>externalTrafficPolicy: Local</c>, so node-b's single pod gets half the traffic.
/// </summary>
public sealed class OutageTests
{
    private const string Shop = "shop";

    [E2EFact]
    public async Task The_outage_layout_gives_TrafficSkewed_and_a_skew_of_3_in_the_metrics()
    {
        await using var installation = await Installation.StartAsync();
        var replica = await installation.StartReplicaAsync("replica-a");
        var cluster = new Cluster(installation.Admin);

        await OutageLayoutAsync(cluster);

        var skewed = await cluster.EventAsync(Shop, "checkout", "TrafficSkewed");
        Assert.Contains("3.0×", skewed.Message, StringComparison.Ordinal);
        await Poll.UntilAsync(async _ => await replica.SampleAsync("lb_operator_traffic_skew_ratio", ("namespace", Shop), ("name", "checkout")) == 3,
            "/metrics shows a skew of 3 for shop/checkout");
    }

    [E2EFact]
    public async Task Switching_to_Cluster_gives_the_config_diff_and_then_TrafficBalanced()
    {
        await using var installation = await Installation.StartAsync();
        var replica = await installation.StartReplicaAsync("replica-a");
        var cluster = new Cluster(installation.Admin);
        await OutageLayoutAsync(cluster);
        await cluster.EventAsync(Shop, "checkout", "TrafficSkewed");

        await cluster.SetExternalTrafficPolicyAsync(Shop, "checkout", "Cluster");

        var changed = await cluster.EventAsync(Shop, "checkout", "LoadBalancerConfigChanged");
        Assert.Contains("externalTrafficPolicy", changed.Message, StringComparison.Ordinal);
        Assert.Contains("Local", changed.Message, StringComparison.Ordinal);
        Assert.Contains("Cluster", changed.Message, StringComparison.Ordinal);
        var balanced = await cluster.EventAsync(Shop, "checkout", "TrafficBalanced", mentioning: "LB001");
        Assert.True(balanced.LastTimestamp >= changed.FirstTimestamp, "TrafficBalanced for LB001 comes with or after the change");
        await Poll.UntilAsync(async _ => await replica.SampleAsync("lb_operator_traffic_skew_ratio", ("namespace", Shop), ("name", "checkout")) == 1,
            "/metrics shows a skew of 1 for shop/checkout");
    }

    /// <summary>Two zoned nodes, the Service with <c>externalTrafficPolicy: Local</c>, 5 + 1 Ready pods, and their slices.</summary>
    internal static async Task OutageLayoutAsync(Cluster cluster, string ns = Shop, string policy = "Local")
    {
        await cluster.NodeAsync("node-a", "zone-a");
        await cluster.NodeAsync("node-b", "zone-b");
        await cluster.ServiceAsync(ns, "checkout", policy);
        await cluster.ReadyPodsAsync(ns, "checkout", "node-a", 5);
        await cluster.ReadyPodsAsync(ns, "checkout", "node-b", 1);
        await cluster.EndpointsAsync(ns, "checkout", 6);
    }
}
