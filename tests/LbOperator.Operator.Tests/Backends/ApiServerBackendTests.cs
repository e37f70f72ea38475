using LbOperator.ApiEmulator.Backends;
using LbOperator.Operator.Informers;
using LbOperator.Operator.Metrics;
using LbOperator.Operator.Tests.Informers;
using LbOperator.Operator.Tests.Support;
using LbOperator.Runtime.Metrics;
using Microsoft.Extensions.Logging.Abstractions;
using Prometheus;
using k8s.Models;

namespace LbOperator.Operator.Tests.Backends;

/// <summary>The same runtime behaviour on the emulator and, when available, on a real kube-apiserver.</summary>
public sealed class ApiServerBackendTests
{
    private static V1Service Service(string name, string version) => new()
    {
        Metadata = new V1ObjectMeta { Name = name, NamespaceProperty = "shop", Labels = new Dictionary<string, string> { ["v"] = version } },
        Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 80 }] },
    };

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task An_informer_follows_objects_seeded_through_the_API(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        await client.ApplyAsync(Service("web", "1"));
        var informer = new Informer<V1Service, V1ServiceList>(ResourceClients.Services(client), InformerHarness<V1Service, V1ServiceList>.Settings(),
            new Lock(), TimeProvider.System, new OperatorMetrics(new MetricsExposition(new CollectorRegistry(), [])), NullLogger.Instance);
        var changes = new List<string>();
        informer.Cache.Subscribe((old, current) =>
        {
            lock (changes)
            {
                changes.Add($"{old?.Metadata.Labels["v"] ?? "none"} -> {current?.Metadata.Labels["v"] ?? "none"}");
            }
        });
        using var stopping = new CancellationTokenSource();
        var run = informer.RunAsync(stopping.Token);

        await Poll.UntilAsync(() => informer.HasSynced, "synced");
        await client.ApplyAsync(Service("web", "2"));
        await client.DeleteAsync<V1Service>("shop", "web");
        await Poll.UntilAsync(() => { lock (changes) { return changes.Contains("2 -> none"); } }, "the delete arrived");
        await stopping.CancelAsync();
        await Poll.FinishesAsync(run, "the run stops");

        Assert.Equal(["none -> 1", "1 -> 2", "2 -> none"], changes);
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Emulator)]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task The_Gateway_API_can_be_installed_and_is_then_discovered(ApiServerBackend backend)
    {
        await using var server = await ApiServers.StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        var discovery = new GatewayApiDiscovery(client);

        var before = await DefiniteAnswerAsync(discovery, "discovery answers before the install");
        await server.InstallGatewayApiAsync(CancellationToken.None);

        Assert.Equal(DiscoveryAnswer.NotServed, before);
        await Poll.UntilAsync(async ct => await discovery.AskForHttpRoutesAsync(ct) == DiscoveryAnswer.Served, "discovery serves HTTPRoutes after the install");
    }

    /// <summary>A freshly started kube-apiserver answers "not yet" (503) for a moment, until its CRD handler has synced.</summary>
    private static async Task<DiscoveryAnswer> DefiniteAnswerAsync(GatewayApiDiscovery discovery, string what)
    {
        var answer = DiscoveryAnswer.AskAgainSoon;
        await Poll.UntilAsync(async ct =>
        {
            answer = await discovery.AskForHttpRoutesAsync(ct);
            return answer != DiscoveryAnswer.AskAgainSoon;
        }, what);
        return answer;
    }
}
