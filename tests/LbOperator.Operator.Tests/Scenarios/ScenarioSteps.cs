using k8s;
using k8s.Models;
using LbOperator.Operator.Publishing;
using LbOperator.Operator.Tests.Fakes;
using LbOperator.Operator.Tests.Support;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// The scenarios that need only the Kubernetes API, so they run the same against the emulator and
/// against a real kube-apiserver (envtest mode): objects are created and patched through the client,
/// and Events are read back through it.
/// </summary>
internal static class ScenarioSteps
{
    public const string Namespace = "shop";

    public static async Task OutageGivesTrafficSkewedAndSkewThree(KubernetesClientConfiguration cluster)
    {
        using var client = new k8s.Kubernetes(cluster);
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(cluster);
        await LoadOutageAsync(client, "Local");

        await EventuallyAsync(async () => (await EventsOnAsync(client, "TrafficSkewed")).Count > 0, "a TrafficSkewed Event is on Service shop/web");
        await Poll.UntilAsync(() => Skew(operatorUnderTest) == 3.0, "lb_operator_traffic_skew_ratio of shop/web is 3");

        var skewed = Assert.Single(await EventsOnAsync(client, "TrafficSkewed"));
        var service = await client.CoreV1.ReadNamespacedServiceAsync("web", Namespace);
        Assert.Equal(("Warning", "Service", "v1", service.Metadata.Uid), (skewed.Type, skewed.InvolvedObject.Kind, skewed.InvolvedObject.ApiVersion, skewed.InvolvedObject.Uid));
        Assert.Equal(("lb-operator", "lb-operator"), (skewed.Source.Component, skewed.ReportingComponent));
        Assert.Contains("3.0×", skewed.Message, StringComparison.Ordinal);
    }

    public static async Task FixingTheOutageGivesTrafficBalanced(KubernetesClientConfiguration cluster)
    {
        using var client = new k8s.Kubernetes(cluster);
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(cluster);
        await LoadOutageAsync(client, "Local");
        await EventuallyAsync(async () => (await EventsOnAsync(client, "TrafficSkewed")).Count > 0, "a TrafficSkewed Event is on Service shop/web");

        await SetExternalTrafficPolicyAsync(client, "Cluster");

        await EventuallyAsync(async () => (await EventsOnAsync(client, "TrafficBalanced")).Count > 0, "a TrafficBalanced Event is on Service shop/web");
        await EventuallyAsync(async () => (await EventsOnAsync(client, "LoadBalancerConfigChanged")).Count > 0, "a LoadBalancerConfigChanged Event is on Service shop/web");
        await Poll.UntilAsync(() => Skew(operatorUnderTest) == 1.0, "the skew of shop/web is back to 1");
        Assert.Equal("externalTrafficPolicy: Local → Cluster; skew 3.0 → 1.0", Assert.Single(await EventsOnAsync(client, "LoadBalancerConfigChanged")).Message);
        Assert.DoesNotContain(Scrape.Now(operatorUnderTest.Exposition).Series(StateMetrics.Findings.Name), labels => labels[0] == "LB001");
    }

    public static async Task ChangingTheExternalTrafficPolicyGivesTheDiff(KubernetesClientConfiguration cluster)
    {
        using var client = new k8s.Kubernetes(cluster);
        await using var operatorUnderTest = await OperatorUnderTest.StartAsync(cluster);
        await LoadOutageAsync(client, "Cluster");
        await Poll.UntilAsync(() => Skew(operatorUnderTest) == 1.0, "shop/web is audited");

        await SetExternalTrafficPolicyAsync(client, "Local");

        await EventuallyAsync(async () => (await EventsOnAsync(client, "LoadBalancerConfigChanged")).Count > 0, "a LoadBalancerConfigChanged Event is on Service shop/web");
        var changed = Assert.Single(await EventsOnAsync(client, "LoadBalancerConfigChanged"));
        Assert.Equal(("Normal", "externalTrafficPolicy: Cluster → Local; skew 1.0 → 3.0"), (changed.Type, changed.Message));
        Assert.Equal(1, Scrape.Now(operatorUnderTest.Exposition).Value(StateMetrics.ConfigChanges.Name, Namespace, "Service"));
    }

    /// <summary>A LoadBalancer Service with five pods on node-1 and one on node-2.</summary>
    internal static async Task LoadOutageAsync(IKubernetes client, string externalTrafficPolicy)
    {
        foreach (var node in new[] { ApiObjects.Node("node-1"), ApiObjects.Node("node-2") })
        {
            await client.CoreV1.CreateNodeAsync(Fresh(node));
        }

        await client.CoreV1.CreateNamespacedServiceAsync(Fresh(ApiObjects.Service(Namespace, "web", externalTrafficPolicy, "LoadBalancer")), Namespace);
        await client.DiscoveryV1.CreateNamespacedEndpointSliceAsync(
            Fresh(ApiObjects.Slice(Namespace, "web-abc", "web", "node-1", "node-1", "node-1", "node-1", "node-1", "node-2")), Namespace);
    }

    internal static Task SetExternalTrafficPolicyAsync(IKubernetes client, string policy) =>
        client.CoreV1.PatchNamespacedServiceAsync(
            new V1Patch("{\"spec\":{\"externalTrafficPolicy\":\"" + policy + "\"}}", V1Patch.PatchType.MergePatch), "web", Namespace);

    private static async Task<IReadOnlyList<Corev1Event>> EventsOnAsync(IKubernetes client, string reason) =>
        (await client.CoreV1.ListNamespacedEventAsync(Namespace)).Items
            .Where(item => item.InvolvedObject.Kind == "Service" && item.InvolvedObject.Name == "web" && item.Reason == reason)
            .ToArray();

    internal static Task EventuallyAsync(Func<Task<bool>> condition, string what) => Poll.UntilAsync(_ => condition(), what);

    /// <summary>What a client may send on create: no uid and no resourceVersion.</summary>
    private static T Fresh<T>(T item)
        where T : IKubernetesObject<V1ObjectMeta>
    {
        item.Metadata.Uid = null;
        item.Metadata.ResourceVersion = null;
        return item;
    }

    internal static double? Skew(OperatorUnderTest operatorUnderTest) =>
        Scrape.Now(operatorUnderTest.Exposition).Value(StateMetrics.TrafficSkew.Name, Namespace, "Service", "web", "web") is { } skew ? Math.Round(skew, 6) : null;
}
