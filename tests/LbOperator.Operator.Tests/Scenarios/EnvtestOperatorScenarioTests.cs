using k8s;
using LbOperator.ApiEmulator.Backends;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// The API-only scenarios against a real etcd and kube-apiserver started from <c>KUBEBUILDER_ASSETS</c>,
/// as envtest does; skipped when it is not set. The fault schedule needs the emulator's fault injection
/// and runs only there.
/// </summary>
public sealed class EnvtestOperatorScenarioTests
{
    [Theory]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task The_outage_gives_a_traffic_skewed_event_on_the_service_and_a_skew_of_three(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        await ScenarioSteps.OutageGivesTrafficSkewedAndSkewThree(server.ClientConfiguration());
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task Fixing_the_outage_gives_traffic_balanced_and_the_config_change(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        await ScenarioSteps.FixingTheOutageGivesTrafficBalanced(server.ClientConfiguration());
    }

    [Theory]
    [ApiServerBackend(ApiServerBackend.Envtest)]
    public async Task Changing_the_external_traffic_policy_gives_a_config_changed_event_with_the_diff(ApiServerBackend backend)
    {
        await using var server = await StartAsync(backend);
        await ScenarioSteps.ChangingTheExternalTrafficPolicyGivesTheDiff(server.ClientConfiguration());
    }

    private static async Task<IApiServer> StartAsync(ApiServerBackend backend)
    {
        var server = await ApiServers.StartAsync(backend);
        using var client = new k8s.Kubernetes(server.ClientConfiguration());
        foreach (var name in new[] { ScenarioSteps.Namespace, "ops" })
        {
            await client.EnsureNamespaceAsync(name);
        }

        return server;
    }
}
