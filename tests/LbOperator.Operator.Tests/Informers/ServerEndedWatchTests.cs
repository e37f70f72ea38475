using System.Globalization;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Informers;

/// <summary>
/// The API server ends every watch at the <c>timeoutSeconds</c> the informer asks for. One that ends before
/// sending a single line (no event, no bookmark) is as normal as any other: resume, no warning, no back-off.
/// </summary>
public sealed class ServerEndedWatchTests
{
    [Theory]
    [InlineData("00:10:00", "00:05:00")]
    [InlineData("00:05:00", "00:03:45")]
    [InlineData("00:00:08", "00:00:06")]
    public void The_server_closes_each_watch_well_before_the_watchdog_would_call_it_silent(string silence, string expected)
    {
        Assert.Equal(TimeSpan.Parse(expected, CultureInfo.InvariantCulture), ClusterCaches.ServerWatchTimeout(TimeSpan.Parse(silence, CultureInfo.InvariantCulture)));
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_watch_the_server_ends_before_any_event_restarts_as_closed_not_as_a_failure(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        var settings = InformerHarness<V1Service, V1ServiceList>.Settings() with
        {
            Scopes = ["quiet"],
            WatchTimeout = TimeSpan.FromSeconds(1),
        };
        await using var harness = new InformerHarness<V1Service, V1ServiceList>(
            new k8s.Kubernetes(server.ClientConfiguration()), ResourceClients.Services, settings, TimeProvider.System);

        harness.Start();
        await Poll.UntilAsync(() => harness.Restarts("closed") >= 2, "the server ended two empty watches");

        Assert.Equal(0, harness.Restarts("error"));
        Assert.Empty(harness.Changes);
    }
}
