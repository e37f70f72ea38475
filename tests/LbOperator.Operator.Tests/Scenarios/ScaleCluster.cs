using k8s;
using k8s.Models;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// The shape of <c>shared/bench/gen_cluster.py</c>: Services spread over namespaces of 500, each with
/// one EndpointSlice; every tenth is a LoadBalancer with <c>externalTrafficPolicy: Local</c> and all but
/// one endpoint on one node, so it fails LB001.
/// </summary>
internal static class ScaleCluster
{
    public static IEnumerable<IKubernetesObject<V1ObjectMeta>> Objects(int services, int endpointsPerService, int nodes, int zones)
    {
        for (var n = 0; n < nodes; n++)
        {
            yield return new V1Node
            {
                ApiVersion = "v1",
                Kind = "Node",
                Metadata = new V1ObjectMeta { Name = $"node-{n}", Labels = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = $"zone-{n % zones}" } },
                Status = new V1NodeStatus { Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new("8") } },
            };
        }

        var namespaces = Math.Max(1, services / 500);
        for (var s = 0; s < services; s++)
        {
            var ns = $"scale-{s % namespaces}";
            var skewed = s % 10 == 0;
            yield return new V1Service
            {
                ApiVersion = "v1",
                Kind = "Service",
                Metadata = new V1ObjectMeta { Name = $"svc-{s}", NamespaceProperty = ns },
                Spec = new V1ServiceSpec
                {
                    Type = skewed ? "LoadBalancer" : "ClusterIP",
                    ExternalTrafficPolicy = skewed ? "Local" : null,
                    Ports = [new V1ServicePort { Name = "http", Port = 80, TargetPort = 8080 }],
                },
            };
            yield return new V1EndpointSlice
            {
                ApiVersion = "discovery.k8s.io/v1",
                Kind = "EndpointSlice",
                Metadata = new V1ObjectMeta
                {
                    Name = $"svc-{s}-a",
                    NamespaceProperty = ns,
                    Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = $"svc-{s}" },
                },
                AddressType = "IPv4",
                Ports = [new Discoveryv1EndpointPort { Name = "http", Port = 8080, Protocol = "TCP" }],
                Endpoints = Enumerable.Range(0, endpointsPerService).Select(e =>
                {
                    var node = (s + (skewed && e < endpointsPerService - 1 ? 0 : e)) % nodes;
                    return new V1Endpoint
                    {
                        Addresses = [$"10.{(s >> 8) & 255}.{s & 255}.{e + 1}"],
                        Conditions = new V1EndpointConditions { Ready = true },
                        NodeName = $"node-{node}",
                        Zone = $"zone-{node % zones}",
                    };
                }).ToList(),
            };
        }
    }
}
