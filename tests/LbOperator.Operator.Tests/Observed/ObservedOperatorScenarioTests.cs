using k8s;
using k8s.Models;
using LbOperator.ApiEmulator.Backends;
using LbOperator.ApiEmulator.Prometheus;
using LbOperator.Runtime.Events;
using LbOperator.Operator.Observed;
using LbOperator.Operator.Tests.Fakes;
using LbOperator.Operator.Tests.Scenarios;
using LbOperator.Operator.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace LbOperator.Operator.Tests.Observed;

/// <summary>
/// The whole operator, started with <c>--prometheus-url</c>, against an API server and a real
/// Prometheus. Observed-traffic monitoring runs on its own fake clock, so each interval queries the
/// recorded series at a chosen time and the test moves it one interval at a time.
/// </summary>
public sealed class ObservedOperatorScenarioTests
{
    private const string Namespace = "live";

    [PrometheusTheory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task A_service_balanced_by_configuration_but_skewed_in_prometheus_gets_LB007_and_clears_when_traffic_evens_out(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        foreach (var name in new[] { Namespace, "ops" })
        {
            await client.EnsureNamespaceAsync(name);
        }

        await using var prometheus = await PrometheusServer.StartAsync(ObservedSeries.Build());
        await CreateBalancedServiceAsync(client);
        var clock = new FakeTimeProvider(ObservedSeries.FirstPhase);
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(
            server.ClientConfiguration(),
            args: ["--prometheus-url", prometheus.Url.ToString()],
            configure: services => services.AddKeyedSingleton<TimeProvider>(ObservedServiceCollectionExtensions.ClockKey, clock));
        var snapshot = operatorUnderTest.Services.GetRequiredService<ObservedSnapshot>();

        await IntervalsUntilAsync(clock, snapshot, async () => (await EventsAsync(client, EventReasons.ObservedTrafficSkewed)).Count > 0,
            "an ObservedTrafficSkewed Event is on Service live/web");

        var skewed = Assert.Single(await EventsAsync(client, EventReasons.ObservedTrafficSkewed));
        Assert.Equal(("Warning", "Service", "web"), (skewed.Type, skewed.InvolvedObject.Kind, skewed.InvolvedObject.Name));
        Assert.Contains("observed skew 2.67×", skewed.Message, StringComparison.Ordinal);
        Assert.Contains("not explained by configuration", skewed.Message, StringComparison.Ordinal);
        Assert.Equal("LB007", Assert.Single(snapshot.Findings).RuleId);
        Assert.Empty(await EventsAsync(client, EventReasons.TrafficSkewed));

        clock.SetUtcNow(ObservedSeries.SecondPhase);
        await IntervalsUntilAsync(clock, snapshot, async () => (await EventsAsync(client, EventReasons.ObservedTrafficBalanced)).Count > 0,
            "an ObservedTrafficBalanced Event is on Service live/web");

        Assert.Empty(snapshot.Findings);
        Assert.Contains("back to 1.0×", Assert.Single(await EventsAsync(client, EventReasons.ObservedTrafficBalanced)).Message, StringComparison.Ordinal);
    }

    /// <summary>Four pods over two equal nodes behind a ClusterIP Service: an even 25% each by configuration.</summary>
    private static async Task CreateBalancedServiceAsync(IKubernetes client)
    {
        foreach (var node in new[] { ApiObjects.Node("node-1"), ApiObjects.Node("node-2") })
        {
            await client.CoreV1.CreateNodeAsync(Fresh(node));
        }

        await client.CoreV1.CreateNamespacedServiceAsync(Fresh(ApiObjects.Service(Namespace, "web")), Namespace);
        await client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(
            Fresh(ApiObjects.Slice(Namespace, "web-abc", "web", "node-1", "node-1", "node-2", "node-2")), Namespace);
    }

    /// <summary>
    /// Moves the monitoring clock one interval at a time, each time waiting until that interval has
    /// finished, until the condition holds. Fails with a message at the deadline.
    /// </summary>
    private static async Task IntervalsUntilAsync(FakeTimeProvider clock, ObservedSnapshot snapshot, Func<Task<bool>> condition, string what)
    {
        var giveUp = DateTime.UtcNow + Poll.Deadline;
        while (!await condition())
        {
            if (DateTime.UtcNow > giveUp)
            {
                Assert.Fail($"Gave up waiting until {what}.");
            }

            if (snapshot.CompletedAt == clock.GetUtcNow() || snapshot.CompletedAt is null)
            {
                clock.Advance(ObservedHarness.Interval);
            }

            var intervalDeadline = DateTime.UtcNow + TimeSpan.FromSeconds(2);
            while (snapshot.CompletedAt != clock.GetUtcNow() && DateTime.UtcNow < intervalDeadline)
            {
                await Task.Delay(10);
            }
        }
    }

    private static async Task<IReadOnlyList<Corev1Event>> EventsAsync(IKubernetes client, string reason) =>
        (await client.CoreV1.ListNamespacedEventAsync(Namespace)).Items
            .Where(item => item.InvolvedObject.Kind == "Service" && item.InvolvedObject.Name == "web" && item.Reason == reason)
            .ToArray();

    private static T Fresh<T>(T item)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        item.Metadata.Uid = null;
        item.Metadata.ResourceVersion = null;
        return item;
    }
}
