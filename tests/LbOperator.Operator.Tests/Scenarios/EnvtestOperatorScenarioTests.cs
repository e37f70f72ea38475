using k8s;
using k8s.Models;
using LbOperator.Webhook.Tests.Support.Envtest;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// The API-only scenarios against a real etcd and kube-apiserver started from <c>KUBEBUILDER_ASSETS</c>,
/// as envtest does; skipped when it is not set. The fault schedule needs the emulator's fault injection
/// and runs only there.
/// </summary>
public sealed class EnvtestOperatorScenarioTests
{
    [EnvtestFact]
    public async Task The_outage_gives_a_traffic_skewed_event_on_the_service_and_a_skew_of_three()
    {
        await using var server = await StartAsync();
        await ScenarioSteps.OutageGivesTrafficSkewedAndSkewThree(Configuration(server));
    }

    [EnvtestFact]
    public async Task Fixing_the_outage_gives_traffic_balanced_and_the_config_change()
    {
        await using var server = await StartAsync();
        await ScenarioSteps.FixingTheOutageGivesTrafficBalanced(Configuration(server));
    }

    [EnvtestFact]
    public async Task Changing_the_external_traffic_policy_gives_a_config_changed_event_with_the_diff()
    {
        await using var server = await StartAsync();
        await ScenarioSteps.ChangingTheExternalTrafficPolicyGivesTheDiff(Configuration(server));
    }

    private static async Task<KubeApiServer> StartAsync()
    {
        var server = await KubeApiServer.StartAsync(Environment.GetEnvironmentVariable("KUBEBUILDER_ASSETS")!);
        foreach (var name in new[] { ScenarioSteps.Namespace, "ops" })
        {
            await server.Client.CoreV1.CreateNamespaceAsync(new V1Namespace { Metadata = new V1ObjectMeta { Name = name } });
        }

        return server;
    }

    private static KubernetesClientConfiguration Configuration(KubeApiServer server) => new()
    {
        Host = server.Address.ToString(),
        AccessToken = "lb-operator-envtest-admin",
        SkipTlsVerify = true,
    };
}
