using LbOperator.Core.Model;

namespace LbOperator.Webhook.Tests.Support;

/// <summary>
/// The stored state the fixtures are reviewed against, in namespace <c>shop</c>: the outage replay
/// <c>checkout</c> (5 pods on node-a, 1 on node-b, stored with externalTrafficPolicy Cluster), an nginx
/// main Ingress <c>web</c> with its 10% canary, and an HTTPRoute <c>api</c> split 1/1/1 over three one-pod Services.
/// </summary>
public static class ShopCluster
{
    public const string Namespace = "shop";

    public static InMemoryClusterView Create(int canaryWeight = 10, params ServiceInfo[] extraServices) => new(
        [
            Service("checkout", ServiceType.LoadBalancer), Service("web"), Service("web-canary"),
            Service("api-v1"), Service("api-v2"), Service("api-v3"), .. extraServices,
        ],
        [
            Slice("checkout", ("node-a", 5), ("node-b", 1)),
            Slice("web", ("node-a", 2), ("node-b", 2)),
            Slice("web-canary", ("node-b", 1)),
            Slice("api-v1", ("node-a", 1)),
            Slice("api-v2", ("node-b", 1)),
            Slice("api-v3", ("node-a", 1)),
        ],
        [new NodeInfo("node-a", "zone-a", 4), new NodeInfo("node-b", "zone-b", 4)],
        [Ingress("web", canaryWeight: null), Ingress("web-canary", canaryWeight)],
        [new HttpRouteInfo(Namespace, "api", Empty, [new HttpRouteRuleInfo(null, [Ref("api-v1"), Ref("api-v2"), Ref("api-v3")])])]);

    public static ServiceInfo Service(string name, ServiceType type = ServiceType.ClusterIP, TrafficPolicy external = TrafficPolicy.Cluster) =>
        new(Namespace, name, type, external, TrafficPolicy.Cluster, null, SessionAffinity.None, Empty);

    public static EndpointSliceInfo Slice(string service, params (string Node, int Pods)[] placement)
    {
        var endpoints = new List<EndpointInfo>();
        foreach (var (node, pods) in placement)
        {
            for (var i = 0; i < pods; i++)
            {
                var zone = node == "node-a" ? "zone-a" : "zone-b";
                endpoints.Add(new EndpointInfo($"{service}-{endpoints.Count}", node, zone, true, true, false, [], []));
            }
        }

        return new EndpointSliceInfo(Namespace, service + "-x7k2p", service, endpoints);
    }

    private static IReadOnlyDictionary<string, string> Empty { get; } = new Dictionary<string, string>();

    private static HttpBackendRefInfo Ref(string service) => new(null, null, null, service, 8080, 1);

    private static IngressInfo Ingress(string name, int? canaryWeight)
    {
        var annotations = canaryWeight is { } weight
            ? new Dictionary<string, string>
            {
                ["nginx.ingress.kubernetes.io/canary"] = "true",
                ["nginx.ingress.kubernetes.io/canary-weight"] = weight.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
            : new Dictionary<string, string>();
        return new IngressInfo(Namespace, name, "nginx", annotations,
            [new IngressPathInfo("shop.example.com", "/", "Prefix", new IngressBackendInfo(name, "80", null, null))], null);
    }
}
