using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Logging;
using LbOperator.Operator.LeaderElection;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Options;
using LbOperator.Operator.Tests.Fakes;
using LbOperator.Operator.Tests.Support;
using LbOperator.Runtime.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using k8s.Models;

namespace LbOperator.Operator.Tests.LeaderElection;

/// <summary>
/// KubernetesClient's LeaderElector reads the wall clock and takes no TimeProvider, so these run on wall
/// time. No assertion depends on how fast anything is: a follower can only take a lease that was released
/// or that its holder failed to renew for a whole LeaseDuration, and the timings below leave a loaded
/// machine seconds of stall before a renewal could be missed. Every wait has a deadline.
/// </summary>
public sealed class LeaseLeadershipTests
{
    private static readonly LeaderElectionOptions Fast = new()
    {
        LeaseName = "lb-operator",
        LeaseNamespace = "ops",
        LeaseDuration = TimeSpan.FromSeconds(8),
        RenewDeadline = TimeSpan.FromSeconds(6),
        RetryPeriod = TimeSpan.FromMilliseconds(200),
    };

    private sealed class Candidate : IAsyncDisposable
    {
        private readonly CancellationTokenSource stopping = new();
        private readonly k8s.Kubernetes client;

        public Candidate(KubeApiEmulator emulator, string identity, RecordingLogger? logger = null)
        {
            client = emulator.CreateClient();
            Metrics = new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), []));
            var leaseLock = new GatedLeaseLock(client, new PassThroughWriteGate(), Fast.LeaseNamespace, Fast.LeaseName, identity, logger ?? (Microsoft.Extensions.Logging.ILogger)NullLogger.Instance);
            Leadership = new LeaseLeadership(Fast, TimeSpan.FromSeconds(5), leaseLock, Metrics, logger ?? (Microsoft.Extensions.Logging.ILogger)NullLogger.Instance);
            Run = Leadership.RunAsync(stopping.Token);
        }

        public LeaseLeadership Leadership { get; }

        public OperatorMetrics Metrics { get; }

        public Task Run { get; }

        public async Task StopAsync()
        {
            await stopping.CancelAsync();
            await Poll.FinishesAsync(Run, "the election stops");
        }

        public async ValueTask DisposeAsync()
        {
            await StopAsync();
            client.Dispose();
            stopping.Dispose();
        }
    }

    [Fact]
    public async Task Of_two_replicas_exactly_one_leads_and_the_other_takes_over_when_it_stops()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        await using var first = new Candidate(emulator, "pod-a");
        await using var second = new Candidate(emulator, "pod-b");

        await Poll.UntilAsync(() => first.Leadership.IsLeader || second.Leadership.IsLeader, "someone leads");
        var (leader, follower) = first.Leadership.IsLeader ? (first, second) : (second, first);
        Assert.False(follower.Leadership.IsLeader);
        Assert.Equal(1, leader.Metrics.IsLeader.Value);
        Assert.Equal(0, follower.Metrics.IsLeader.Value);

        await leader.StopAsync();
        Assert.Equal("", emulator.Objects.Get<V1Lease>("ops", "lb-operator")!.Spec.HolderIdentity);
        await Poll.UntilAsync(() => follower.Leadership.IsLeader, "the other replica took over");

        Assert.False(leader.Leadership.IsLeader);
        Assert.Equal(0, leader.Metrics.IsLeader.Value);
    }

    [Fact]
    public async Task A_leader_that_shuts_down_says_it_stops_leading_and_not_that_it_lost_the_lease()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        var logger = new RecordingLogger();
        await using var candidate = new Candidate(emulator, "pod-a", logger);
        await Poll.UntilAsync(() => candidate.Leadership.IsLeader, "it leads");

        await candidate.StopAsync();

        Assert.Contains("pod-a stops leading to shut down (ops/lb-operator)", logger.Messages);
        Assert.DoesNotContain(logger.Messages, message => message.Contains("lost the leader lease", StringComparison.Ordinal));
        Assert.Contains("Released the leader lease (ops/lb-operator)", logger.Messages);
    }

    [Fact]
    public async Task A_leader_that_loses_its_lease_steps_down_and_enters_the_election_again()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        await using var candidate = new Candidate(emulator, "pod-a");
        await Poll.UntilAsync(() => candidate.Leadership.IsLeader, "it leads");

        var lease = emulator.Objects.Get<V1Lease>("ops", "lb-operator")!;
        // Held for longer than the renew deadline, so the renewals fail for good.
        lease.Spec.HolderIdentity = "intruder";
        lease.Spec.LeaseDurationSeconds = (int)Fast.LeaseDuration.TotalSeconds;
        emulator.Objects.Apply(lease);
        await Poll.UntilAsync(() => !candidate.Leadership.IsLeader, "it stepped down");
        await Poll.UntilAsync(() => candidate.Leadership.IsLeader, "it leads again after the intruder's lease expired");

        Assert.Equal("pod-a", emulator.Objects.Get<V1Lease>("ops", "lb-operator")!.Spec.HolderIdentity);
    }

    [Fact]
    public async Task With_election_disabled_the_replica_always_leads_without_a_lease()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        using var client = emulator.CreateClient();
        var metrics = new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), []));
        var leadership = new LeaseLeadership(new LeaderElectionOptions { Enabled = false }, TimeSpan.FromSeconds(5),
            new GatedLeaseLock(client, new PassThroughWriteGate(), "ops", "lb-operator", "pod-a", NullLogger.Instance), metrics, NullLogger.Instance);

        await leadership.RunAsync(CancellationToken.None);

        Assert.True(leadership.IsLeader);
        Assert.Equal(1, metrics.IsLeader.Value);
        Assert.Empty(emulator.Objects.List<V1Lease>());
    }

    [Fact]
    public async Task A_replica_forbidden_to_use_the_lease_says_so_once_and_leads_once_it_is_allowed()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.Faults.Inject(FaultRule.Forbidden("leases.coordination.k8s.io", null, 10));
        var logger = new RecordingLogger();
        await using var candidate = new Candidate(emulator, "pod-a", logger);

        await Poll.UntilAsync(() => candidate.Leadership.IsLeader, "it leads once the 403s stop");

        var forbidden = Assert.Single(logger.Messages, message => message.Contains("(403)", StringComparison.Ordinal));
        Assert.Equal("Forbidden to get the Lease ops/lb-operator (403): pod-a cannot lead until its service account may get, create and update leases there; retrying", forbidden);
    }
}
