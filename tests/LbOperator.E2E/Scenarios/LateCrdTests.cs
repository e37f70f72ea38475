using k8s;
using LbOperator.E2E.Infrastructure;

namespace LbOperator.E2E.Scenarios;

/// <summary>
/// The operator starts before the Gateway API exists. The CRDs from <c>../shared/crds</c> are installed
/// later; discovery (checked every 2 s here instead of 3 min) finds them despite the 503s a freshly
/// installed CRD answers at first, and an HTTPRoute's weights are audited.
/// </summary>
public sealed class LateCrdTests
{
    private const string Shop = "shop";
    private static readonly string[] Backends = ["blue", "green", "grey"];

    [E2EFact]
    public async Task Gateway_API_CRDs_installed_after_start_are_discovered_and_a_70_30_0_split_has_skew_1_4()
    {
        await using var installation = await Installation.StartAsync(new Dictionary<string, string> { ["LbOperator__CrdCheckInterval"] = "00:00:02" });
        var replica = await installation.StartReplicaAsync("replica-a");
        var cluster = new Cluster(installation.Admin);
        await cluster.NodeAsync("node-a", "zone-a");
        foreach (var backend in Backends)
        {
            await cluster.ServiceAsync(Shop, backend, "Cluster");
            await cluster.ReadyPodsAsync(Shop, backend, "node-a", 1);
            await cluster.EndpointsAsync(Shop, backend, 1);
        }

        Assert.Contains(replica.Log, line => line.Contains("httproutes API served: False", StringComparison.Ordinal));
        await installation.Server.InstallGatewayApiAsync(CancellationToken.None);
        await installation.Admin.CustomObjects.CreateNamespacedCustomObjectAsync(Route(), "gateway.networking.k8s.io", "v1", Shop, "httproutes");

        await Poll.UntilAsync(() => replica.Log.Any(line => line.Contains("httproutes API served: True", StringComparison.Ordinal)),
            "the operator discovered the HTTPRoute CRD");
        await Poll.UntilAsync(async _ => await replica.SampleAsync("lb_operator_traffic_skew_ratio", ("kind", "HTTPRoute"), ("name", "storefront")) is { } skew && Math.Abs(skew - 1.4) < 1e-9,
            "/metrics shows a skew of 1.4 for HTTPRoute shop/storefront");
    }

    /// <summary>One rule splitting 70/30/0 over the three one-pod Services: the pool is blue and green, blue gets 0.7 of it.</summary>
    private static object Route() => new Dictionary<string, object>
    {
        ["apiVersion"] = "gateway.networking.k8s.io/v1",
        ["kind"] = "HTTPRoute",
        ["metadata"] = new Dictionary<string, object> { ["name"] = "storefront", ["namespace"] = Shop },
        ["spec"] = new Dictionary<string, object>
        {
            ["rules"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["backendRefs"] = Backends.Zip([70, 30, 0], (name, weight) => new Dictionary<string, object> { ["name"] = name, ["port"] = 80, ["weight"] = weight }).ToArray(),
                },
            },
        },
    };
}
