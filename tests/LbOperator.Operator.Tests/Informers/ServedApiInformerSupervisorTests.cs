using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Operator.Informers;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Operator.Tests.Informers;

/// <summary>
/// The supervisor's clock is fake and drives only its discovery checks; the informer it starts runs on
/// the real clock, so moving the fake clock never fires a timer of a watch in flight.
/// </summary>
public sealed class ServedApiInformerSupervisorTests
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(3);

    private static HttpRoute Route(string name) => new() { Metadata = new() { Name = name, NamespaceProperty = "shop" }, Spec = new HttpRouteSpec() };

    [Fact]
    public async Task HTTPRoutes_are_watched_only_while_the_CRD_exists()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        var supervisorTime = new FakeTimeProvider();
        await using var harness = new InformerHarness<HttpRoute, HttpRouteList>(
            emulator, ResourceClients.HttpRoutes, InformerHarness<HttpRoute, HttpRouteList>.Settings(), TimeProvider.System);
        using var client = emulator.CreateClient();
        var discovery = new CountingDiscovery(new GatewayApiDiscovery(client).AskForHttpRoutesAsync);
        var supervisor = new ServedApiInformerSupervisor<HttpRoute, HttpRouteList>(harness.Informer, discovery.AskAsync, CheckInterval, supervisorTime, NullLogger.Instance);
        using var stopping = new CancellationTokenSource();
        var run = supervisor.RunAsync(stopping.Token);

        await Poll.UntilAsync(() => discovery.Answers >= 1, "discovery was asked");
        Assert.True(supervisor.HasSynced);
        Assert.False(supervisor.IsRunning);

        emulator.InstallGatewayApi();
        emulator.Objects.Apply(Route("checkout"));
        await NextCheckAsync(supervisorTime, discovery, CheckInterval);
        await Poll.UntilAsync(() => harness.Saw("none -> checkout@"), "the route was listed");
        Assert.True(supervisor.IsRunning);
        Assert.True(supervisor.HasSynced);

        emulator.UninstallGatewayApi();
        await NextCheckAsync(supervisorTime, discovery, CheckInterval);
        await Poll.UntilAsync(() => !supervisor.IsRunning, "the informer stopped");

        Assert.Empty(harness.Informer.Cache.List());
        Assert.True(harness.Saw("checkout@ -> none"));
        Assert.Equal(0, emulator.RequestCount(ApiVerb.List, ApiResourceCatalog.Services));
        await stopping.CancelAsync();
        await Poll.FinishesAsync(run, "the supervisor stops");
    }

    [Fact]
    public async Task A_not_yet_answer_is_asked_again_after_a_second_not_after_the_check_interval()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        emulator.InstallGatewayApi();
        var supervisorTime = new FakeTimeProvider();
        await using var harness = new InformerHarness<HttpRoute, HttpRouteList>(
            emulator, ResourceClients.HttpRoutes, InformerHarness<HttpRoute, HttpRouteList>.Settings(), TimeProvider.System);
        var answers = new Queue<DiscoveryAnswer>([DiscoveryAnswer.AskAgainSoon, DiscoveryAnswer.Served]);
        var discovery = new CountingDiscovery(_ => Task.FromResult(answers.Count > 1 ? answers.Dequeue() : answers.Peek()));
        var supervisor = new ServedApiInformerSupervisor<HttpRoute, HttpRouteList>(harness.Informer, discovery.AskAsync, CheckInterval, supervisorTime, NullLogger.Instance);
        using var stopping = new CancellationTokenSource();
        var run = supervisor.RunAsync(stopping.Token);

        await Poll.UntilAsync(() => discovery.Answers >= 1, "discovery was asked");
        Assert.False(supervisor.IsRunning);
        var asked = supervisorTime.GetUtcNow();
        await NextCheckAsync(supervisorTime, discovery, ServedApiInformerSupervisor<HttpRoute, HttpRouteList>.AskAgainDelay);
        await Poll.UntilAsync(() => supervisor.IsRunning, "the informer started");

        Assert.True(supervisorTime.GetUtcNow() - asked < CheckInterval, $"asked again after {supervisorTime.GetUtcNow() - asked}");
        await stopping.CancelAsync();
        await Poll.FinishesAsync(run, "the supervisor stops");
    }

    /// <summary>
    /// Moves the supervisor's clock by <paramref name="step"/> until it asks discovery once more: it may
    /// not be waiting yet when the clock first moves, so the step repeats; each step releases at most one check.
    /// </summary>
    private static async Task NextCheckAsync(FakeTimeProvider time, CountingDiscovery discovery, TimeSpan step)
    {
        var before = discovery.Answers;
        await Poll.UntilAsync(() =>
        {
            if (discovery.Answers > before)
            {
                return true;
            }

            time.Advance(step);
            return false;
        }, "the supervisor asked discovery again");
    }

    private sealed class CountingDiscovery(Func<CancellationToken, Task<DiscoveryAnswer>> inner)
    {
        private int answers;

        public int Answers => Volatile.Read(ref answers);

        public async Task<DiscoveryAnswer> AskAsync(CancellationToken cancellationToken)
        {
            var answer = await inner(cancellationToken);
            Interlocked.Increment(ref answers);
            return answer;
        }
    }
}
