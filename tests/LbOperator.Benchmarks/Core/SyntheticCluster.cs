using LbOperator.Core.Model;

namespace LbOperator.Benchmarks.Core;

/// <summary>Builds large, realistic views: slices of at most 100 endpoints, nodes spread over three zones.</summary>
internal static class SyntheticCluster
{
    private const int EndpointsPerSlice = 100;
    private static readonly IReadOnlyDictionary<string, string> NoAnnotations = new Dictionary<string, string>();

    public static NodeInfo[] Nodes(int count) =>
        Enumerable.Range(0, count).Select(i => new NodeInfo($"node-{i}", $"zone-{i % 3}", 4 + (i % 4))).ToArray();

    /// <summary>A LoadBalancer Service with <c>externalTrafficPolicy: Local</c>, the costliest Service model.</summary>
    public static ServiceInfo LocalLoadBalancer(string name) =>
        new("bench", name, ServiceType.LoadBalancer, TrafficPolicy.Local, TrafficPolicy.Cluster, null, SessionAffinity.None, NoAnnotations);

    public static ServiceInfo ClusterIp(string name) =>
        new("bench", name, ServiceType.ClusterIP, TrafficPolicy.Cluster, TrafficPolicy.Cluster, null, SessionAffinity.None, NoAnnotations);

    /// <summary>Endpoints placed round-robin over the nodes, cut into slices the way the EndpointSlice controller does.</summary>
    public static IEnumerable<EndpointSliceInfo> Slices(string service, int endpoints, NodeInfo[] nodes)
    {
        for (var start = 0; start < endpoints; start += EndpointsPerSlice)
        {
            var count = Math.Min(EndpointsPerSlice, endpoints - start);
            var items = new EndpointInfo[count];
            for (var i = 0; i < count; i++)
            {
                var node = nodes[(start + i) % nodes.Length];
                items[i] = new EndpointInfo($"{service}-{start + i}", node.Name, node.Zone, true, true, false, [], []);
            }

            yield return new EndpointSliceInfo("bench", $"{service}-{start / EndpointsPerSlice}", service, items);
        }
    }

    public static InMemoryClusterView OneService(string name, int endpoints, int nodeCount)
    {
        var nodes = Nodes(nodeCount);
        return new InMemoryClusterView([LocalLoadBalancer(name)], Slices(name, endpoints, nodes).ToArray(), nodes, [], []);
    }

    public static InMemoryClusterView ManyServices(int services, int endpointsEach, int nodeCount)
    {
        var nodes = Nodes(nodeCount);
        var serviceList = new List<ServiceInfo>(services);
        var slices = new List<EndpointSliceInfo>(services);
        for (var s = 0; s < services; s++)
        {
            var name = $"svc-{s}";
            serviceList.Add(ClusterIp(name));
            slices.AddRange(Slices(name, endpointsEach, nodes));
        }

        return new InMemoryClusterView(serviceList, slices, nodes, [], []);
    }
}
