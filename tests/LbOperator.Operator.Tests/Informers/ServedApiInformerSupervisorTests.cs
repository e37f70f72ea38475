using LbOperator.ApiEmulator;
using LbOperator.ApiEmulator.Faults;
using LbOperator.ApiEmulator.Resources;
using LbOperator.Kubernetes.GatewayApi;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Operator.Tests.Informers;

public sealed class ServedApiInformerSupervisorTests
{
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(3);

    private static HttpRoute Route(string name) => new() { Metadata = new() { Name = name, NamespaceProperty = "shop" }, Spec = new HttpRouteSpec() };

    [Fact]
    public async Task HTTPRoutes_are_watched_only_while_the_CRD_exists()
    {
        await using var emulator = await KubeApiEmulator.StartAsync();
        var time = new FakeTimeProvider();
        await using var harness = new InformerHarness<HttpRoute, HttpRouteList>(
            emulator, ResourceClients.HttpRoutes, InformerHarness<HttpRoute, HttpRouteList>.Settings(silence: TimeSpan.FromDays(1)), time);
        using var client = emulator.CreateClient();
        var supervisor = new ServedApiInformerSupervisor<HttpRoute, HttpRouteList>(harness.Informer, new GatewayApiDiscovery(client).IsHttpRouteServedAsync,
            CheckInterval, time, NullLogger.Instance);
        using var stopping = new CancellationTokenSource();
        var run = supervisor.RunAsync(stopping.Token);

        await Poll.UntilAsync(() => emulator.DiscoveryRequests >= 1, "discovery was asked");
        Assert.True(supervisor.HasSynced);
        Assert.False(supervisor.IsRunning);

        emulator.InstallGatewayApi();
        emulator.Objects.Apply(Route("checkout"));
        await Poll.UntilAsync(() => Advanced(time) && harness.Saw("none -> checkout@"), "the route was listed");
        Assert.True(supervisor.IsRunning);

        emulator.UninstallGatewayApi();
        await Poll.UntilAsync(() => Advanced(time) && !supervisor.IsRunning, "the informer stopped");

        Assert.Empty(harness.Informer.Cache.List());
        Assert.Equal(0, emulator.RequestCount(ApiVerb.List, ApiResourceCatalog.Services));
        await stopping.CancelAsync();
        await run.WaitAsync(Poll.Deadline);
    }

    /// <summary>Moves the clock to the next discovery check; the supervisor may not be waiting yet, so pollers repeat it.</summary>
    private static bool Advanced(FakeTimeProvider time)
    {
        time.Advance(CheckInterval);
        return true;
    }
}
