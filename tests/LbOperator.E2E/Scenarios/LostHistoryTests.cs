using System.Diagnostics;
using LbOperator.E2E.Infrastructure;
using Xunit.Abstractions;

namespace LbOperator.E2E.Scenarios;

/// <summary>
/// kube-apiserver restarts with a short compaction interval; objects change while the operator's watches
/// reconnect and etcd is compacted past every resourceVersion the operator had seen. Its watches get
/// 410 Gone, it relists, and no change goes unannounced.
/// </summary>
public sealed class LostHistoryTests(ITestOutputHelper output)
{
    private const string Shop = "shop";
    private static readonly TimeSpan EventDeadline = TimeSpan.FromSeconds(5);
    private static readonly string[] Services = ["cart", "checkout", "search"];

    [E2EFact]
    public async Task Every_change_after_an_API_server_restart_and_a_compaction_gets_its_Event_and_the_410_is_counted()
    {
        await using var installation = await Installation.StartAsync();
        var replica = await installation.StartReplicaAsync("replica-a");
        var cluster = new Cluster(installation.Admin);
        await cluster.NodeAsync("node-a", "zone-a");
        await cluster.NodeAsync("node-b", "zone-b");
        foreach (var service in Services)
        {
            await cluster.ServiceAsync(Shop, service, "Cluster");
            await cluster.ReadyPodsAsync(Shop, service, "node-a", 5);
            await cluster.ReadyPodsAsync(Shop, service, "node-b", 1);
            await cluster.EndpointsAsync(Shop, service, 6);
        }

        await Poll.UntilAsync(async _ => await replica.SampleAsync("lb_operator_traffic_skew_ratio", ("name", Services[^1])) == 1,
            "the operator audited every Service");

        await installation.Server.RestartApiServerAsync(["--etcd-compaction-interval=10s"], CancellationToken.None);
        var changed = new Dictionary<string, Stopwatch>();
        foreach (var service in Services)
        {
            await cluster.SetExternalTrafficPolicyAsync(Shop, service, "Local");
            changed[service] = Stopwatch.StartNew();
        }

        await installation.Server.Etcd.CompactAsync(CancellationToken.None);

        foreach (var service in Services)
        {
            await cluster.EventAsync(Shop, service, "LoadBalancerConfigChanged", EventDeadline - changed[service].Elapsed);
            await cluster.EventAsync(Shop, service, "TrafficSkewed", EventDeadline - changed[service].Elapsed);
            output.WriteLine($"{service}: LoadBalancerConfigChanged and TrafficSkewed seen {changed[service].Elapsed.TotalSeconds:0.00} s after the change");
        }

        var expired = await replica.SampleAsync("lb_operator_watch_restarts_total", ("reason", "expired"));
        output.WriteLine($"watch restarts for expired resourceVersions: {expired}");
        Assert.True(expired >= 1, "the 410 Gone after the compaction is counted as an expired watch");
    }
}
