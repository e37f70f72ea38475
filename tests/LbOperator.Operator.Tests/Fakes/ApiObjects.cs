using k8s.Models;

namespace LbOperator.Operator.Tests.Fakes;

/// <summary>Terse builders for the API objects the operator watches.</summary>
internal static class ApiObjects
{
    public static V1Service Service(string ns, string name, string? externalTrafficPolicy = null, string type = "ClusterIP", string resourceVersion = "1") => new()
    {
        ApiVersion = "v1",
        Kind = "Service",
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name, Uid = $"uid-{ns}-{name}", ResourceVersion = resourceVersion },
        Spec = new V1ServiceSpec
        {
            Type = type,
            ExternalTrafficPolicy = externalTrafficPolicy,
            Selector = new Dictionary<string, string> { ["app"] = name },
            Ports = [new V1ServicePort { Port = 80, Protocol = "TCP", TargetPort = 8080 }],
        },
    };

    /// <summary>
    /// A slice for <paramref name="service"/> with one ready endpoint per entry of <paramref name="nodes"/>. Addresses
    /// derive from the slice name, because endpoints are keyed by address and two slices must not list one pod twice.
    /// </summary>
    public static V1EndpointSlice Slice(string ns, string name, string? service, params string[] nodes) => new()
    {
        ApiVersion = "discovery.k8s.io/v1",
        Kind = "EndpointSlice",
        Metadata = new V1ObjectMeta
        {
            NamespaceProperty = ns,
            Name = name,
            Labels = service is null ? null : new Dictionary<string, string> { ["kubernetes.io/service-name"] = service },
        },
        AddressType = "IPv4",
        Endpoints = nodes.Select((node, index) => new V1Endpoint
        {
            Addresses = [AddressOf(name, index)],
            NodeName = node,
            Conditions = new V1EndpointConditions { Ready = true, Serving = true, Terminating = false },
            TargetRef = new V1ObjectReference { Kind = "Pod", Name = $"{name}-pod-{index}", NamespaceProperty = ns },
        }).ToList(),
    };

    private static string AddressOf(string sliceName, int index)
    {
        var hash = 2166136261u;
        foreach (var c in sliceName)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return $"10.{(hash >> 8) & 255}.{hash & 255}.{index + 1}";
    }

    public static V1Node Node(string name, string zone = "zone-a", string cpu = "4") => new()
    {
        ApiVersion = "v1",
        Kind = "Node",
        Metadata = new V1ObjectMeta { Name = name, Labels = new Dictionary<string, string> { ["topology.kubernetes.io/zone"] = zone } },
        Status = new V1NodeStatus { Allocatable = new Dictionary<string, ResourceQuantity> { ["cpu"] = new ResourceQuantity(cpu) } },
    };

    public static V1Ingress Ingress(string ns, string name, string host, string path, string service, IDictionary<string, string>? annotations = null) => new()
    {
        ApiVersion = "networking.k8s.io/v1",
        Kind = "Ingress",
        Metadata = new V1ObjectMeta { NamespaceProperty = ns, Name = name, Annotations = annotations, Uid = $"uid-{ns}-{name}" },
        Spec = new V1IngressSpec
        {
            Rules =
            [
                new V1IngressRule
                {
                    Host = host,
                    Http = new V1HTTPIngressRuleValue
                    {
                        Paths =
                        [
                            new V1HTTPIngressPath
                            {
                                Path = path,
                                PathType = "Prefix",
                                Backend = new V1IngressBackend { Service = new V1IngressServiceBackend { Name = service, Port = new V1ServiceBackendPort { Number = 80 } } },
                            },
                        ],
                    },
                },
            ],
        },
    };
}
