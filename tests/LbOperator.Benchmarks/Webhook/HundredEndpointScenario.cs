using System.Globalization;
using System.Text;
using LbOperator.Core.Model;

namespace LbOperator.Benchmarks.Webhook;

/// <summary>
/// A Service with 100 endpoints over 10 nodes, one of which runs a single pod, and an UPDATE that
/// switches it to externalTrafficPolicy: Local. That is the webhook's most expensive path: the new and
/// the old object are both analysed and the change is denied in enforce mode.
/// </summary>
public static class HundredEndpointScenario
{
    public const string Namespace = "bench";
    public const string Name = "checkout";

    public static InMemoryClusterView Cluster()
    {
        var endpoints = new List<EndpointInfo>();
        var nodes = new List<NodeInfo>();
        for (var node = 0; node < 10; node++)
        {
            var nodeName = $"node-{node}";
            nodes.Add(new NodeInfo(nodeName, $"zone-{node % 3}", 8));
            var pods = node == 0 ? 1 : 11;
            for (var pod = 0; pod < pods; pod++)
            {
                endpoints.Add(new EndpointInfo($"{Name}-{endpoints.Count}", nodeName, $"zone-{node % 3}", true, true, false, [], []));
            }
        }

        var service = new ServiceInfo(Namespace, Name, ServiceType.LoadBalancer, TrafficPolicy.Cluster, TrafficPolicy.Cluster,
            null, SessionAffinity.None, new Dictionary<string, string>());
        return new InMemoryClusterView([service], [new EndpointSliceInfo(Namespace, Name + "-abcde", Name, endpoints)], nodes, [], []);
    }

    public static byte[] Review(int sequence) => Encoding.UTF8.GetBytes($$$"""
        {"kind":"AdmissionReview","apiVersion":"admission.k8s.io/v1","request":{
          "uid":"bench-{{{sequence.ToString(CultureInfo.InvariantCulture)}}}",
          "kind":{"group":"","version":"v1","kind":"Service"},"resource":{"group":"","version":"v1","resource":"services"},
          "name":"{{{Name}}}","namespace":"{{{Namespace}}}","operation":"UPDATE",
          "userInfo":{"username":"kubernetes-admin","groups":["system:authenticated"]},
          "object":{{{Service("Local")}}},
          "oldObject":{{{Service("Cluster")}}},
          "dryRun":false,"options":{"kind":"UpdateOptions","apiVersion":"meta.k8s.io/v1"} } }
        """);

    private static string Service(string policy) => $$$"""
        {"apiVersion":"v1","kind":"Service","metadata":{"name":"{{{Name}}}","namespace":"{{{Namespace}}}","uid":"0b7c5d1e-2f3a-4b5c-8d6e-7f8091a2b3c4","resourceVersion":"7001","labels":{"app":"{{{Name}}}"}},
         "spec":{"type":"LoadBalancer","selector":{"app":"{{{Name}}}"},"ports":[{"name":"http","protocol":"TCP","port":80,"targetPort":8080,"nodePort":31080}],
           "clusterIP":"10.96.40.1","clusterIPs":["10.96.40.1"],"externalTrafficPolicy":"{{{policy}}}","internalTrafficPolicy":"Cluster","sessionAffinity":"None",
           "ipFamilies":["IPv4"],"ipFamilyPolicy":"SingleStack"},"status":{"loadBalancer":{} } }
        """;
}
