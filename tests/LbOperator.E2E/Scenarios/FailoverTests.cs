using System.Diagnostics;
using k8s;
using k8s.Models;
using LbOperator.E2E.Infrastructure;
using Xunit.Abstractions;

namespace LbOperator.E2E.Scenarios;

/// <summary>Two replicas with the chart's leader election (shortened timings); the leader dies with SIGKILL.</summary>
public sealed class FailoverTests(ITestOutputHelper output)
{
    private const string Shop = "shop";
    private static readonly TimeSpan LeaseDuration = TimeSpan.FromSeconds(6);
    private static readonly TimeSpan RetryPeriod = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Time for the new holder's Lease update to travel to the API server and back to this test's poll,
    /// on a loaded machine; the takeover itself must happen within LeaseDuration + RetryPeriod.
    /// </summary>
    private static readonly TimeSpan RoundTrip = TimeSpan.FromSeconds(1);

    [E2EFact]
    public async Task After_kill_9_of_the_leader_the_other_replica_holds_the_Lease_and_writes_the_next_change_once()
    {
        await using var installation = await Installation.StartAsync(new Dictionary<string, string>
        {
            ["LbOperator__LeaderElection__LeaseDuration"] = "00:00:06",
            ["LbOperator__LeaderElection__RenewDeadline"] = "00:00:04",
            ["LbOperator__LeaderElection__RetryPeriod"] = "00:00:01",
        });
        var first = await installation.StartReplicaAsync("replica-a");
        var second = await installation.StartReplicaAsync("replica-b");
        var cluster = new Cluster(installation.Admin);
        await OutageTests.OutageLayoutAsync(cluster);
        await cluster.EventAsync(Shop, "checkout", "TrafficSkewed");
        await WhenTheLeaderRenewedAfterAsync(installation, DateTime.UtcNow);
        var holder = await HolderAsync(installation);
        Assert.Contains(holder, new[] { first.Identity, second.Identity });
        var (leader, follower) = holder == first.Identity ? (first, second) : (second, first);

        await leader.KillAsync();
        var killed = Stopwatch.StartNew();
        await Poll.UntilAsync(async _ => await HolderAsync(installation) == follower.Identity,
            $"{follower.Identity} holds the Lease", LeaseDuration + RetryPeriod + RoundTrip);
        output.WriteLine($"{follower.Identity} held the Lease {killed.Elapsed.TotalSeconds:0.0} s after kill -9 of {leader.Identity}");

        await cluster.SetExternalTrafficPolicyAsync(Shop, "checkout", "Cluster");
        await cluster.EventAsync(Shop, "checkout", "LoadBalancerConfigChanged");
        await cluster.EventAsync(Shop, "checkout", "TrafficBalanced", mentioning: "LB001");
        var events = await cluster.EventsAsync(Shop, "checkout");
        var changed = Assert.Single(events, e => e.Reason == "LoadBalancerConfigChanged");
        Assert.Equal(follower.Identity, changed.ReportingInstance ?? changed.Source?.Host);
        Assert.All(events.GroupBy(e => (e.Reason, e.Message)), group =>
        {
            var single = Assert.Single(group);
            Assert.Equal(1, single.Count ?? 1);
        });
    }

    private static async Task<string?> HolderAsync(Installation installation) => (await LeaseAsync(installation)).Spec.HolderIdentity;

    private static Task<V1Lease> LeaseAsync(Installation installation) =>
        installation.Admin.CoordinationV1.ReadNamespacedLeaseAsync(RenderedChart.Release, RenderedChart.Namespace);

    /// <summary>
    /// Events are written at least once: the follower keeps what it planned pending and writes it on
    /// takeover unless it is older than one LeaseDuration, because a leader killed within a RetryPeriod of
    /// a change may have died before writing. A leader that renewed its Lease after the Events were
    /// visible had written them, and its successor, taking over a LeaseDuration after that renewal,
    /// drops them. So the kill comes after such a renewal: the scenario is a leader dying in steady state.
    /// </summary>
    private static Task WhenTheLeaderRenewedAfterAsync(Installation installation, DateTime written) =>
        Poll.UntilAsync(async _ => (await LeaseAsync(installation)).Spec.RenewTime > written, "the leader renewed its Lease after writing its Events");
}
