using k8s.Models;

namespace LbOperator.Operator.Tests.Informers;

/// <summary>Services and EndpointSlices with every field the API server keeps, to compare encodings with.</summary>
internal static class WireObjects
{
    private const string Namespace = "wire";

    public static V1Service LoadBalancer(V1OwnerReference owner) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "edge",
            NamespaceProperty = Namespace,
            Labels = new Dictionary<string, string> { ["app"] = "edge", ["empty"] = "" },
            Annotations = new Dictionary<string, string> { ["example.com/note"] = "ünïcode ✓" },
            Finalizers = ["example.com/keep"],
            OwnerReferences = [owner],
        },
        Spec = new V1ServiceSpec
        {
            Type = "LoadBalancer",
            Ports =
            [
                new V1ServicePort { Name = "http", Protocol = "TCP", AppProtocol = "http", Port = 80, TargetPort = 8080 },
                new V1ServicePort { Name = "dns", Protocol = "UDP", Port = 53, TargetPort = "dns" },
            ],
            Selector = new Dictionary<string, string> { ["app"] = "edge" },
            ExternalIPs = ["203.0.113.7"],
            SessionAffinity = "ClientIP",
            SessionAffinityConfig = new V1SessionAffinityConfig { ClientIP = new V1ClientIPConfig { TimeoutSeconds = 600 } },
            LoadBalancerSourceRanges = ["10.0.0.0/8", "192.168.0.0/16"],
            ExternalTrafficPolicy = "Local",
            InternalTrafficPolicy = "Local",
            PublishNotReadyAddresses = true,
            IpFamilyPolicy = "SingleStack",
            AllocateLoadBalancerNodePorts = true,
            LoadBalancerClass = "example.com/lb",
            TrafficDistribution = "PreferClose",
        },
    };

    public static V1Service WithStatus(V1Service service)
    {
        service.Status = new V1ServiceStatus
        {
            LoadBalancer = new V1LoadBalancerStatus
            {
                Ingress =
                [
                    new V1LoadBalancerIngress { Ip = "198.51.100.10", IpMode = "Proxy", Ports = [new V1PortStatus { Port = 80, Protocol = "TCP" }] },
                    new V1LoadBalancerIngress { Hostname = "lb.example.com" },
                ],
            },
            Conditions =
            [
                new V1Condition
                {
                    Type = "Provisioned", Status = "True", ObservedGeneration = 1, Reason = "Ready", Message = "provisioned",
                    LastTransitionTime = new DateTime(2026, 11, 30, 12, 34, 56, DateTimeKind.Utc),
                },
            ],
        };
        return service;
    }

    public static V1Service ExternalName() => new()
    {
        Metadata = new V1ObjectMeta { Name = "db", NamespaceProperty = Namespace },
        Spec = new V1ServiceSpec { Type = "ExternalName", ExternalName = "db.example.com" },
    };

    public static V1Service NamedTargetPort() => new()
    {
        Metadata = new V1ObjectMeta { Name = "api", NamespaceProperty = Namespace, GenerateName = "api-" },
        Spec = new V1ServiceSpec { Ports = [new V1ServicePort { Port = 443, TargetPort = "https" }], Selector = new Dictionary<string, string> { ["app"] = "api" } },
    };

    public static V1EndpointSlice Slice(V1OwnerReference owner) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Name = "edge-abc",
            NamespaceProperty = Namespace,
            Labels = new Dictionary<string, string> { ["kubernetes.io/service-name"] = "edge" },
            OwnerReferences = [owner],
        },
        AddressType = "IPv4",
        Endpoints =
        [
            new V1Endpoint
            {
                Addresses = ["10.0.0.1", "10.0.0.2"],
                Conditions = new V1EndpointConditions { Ready = true, Serving = true, Terminating = false },
                Hostname = "edge-0",
                TargetRef = new V1ObjectReference { Kind = "Pod", NamespaceProperty = Namespace, Name = "edge-0", Uid = "5c8f4a7e-0000-4000-8000-000000000001" },
                DeprecatedTopology = new Dictionary<string, string> { ["kubernetes.io/hostname"] = "node-a" },
                NodeName = "node-a",
                Zone = "zone-1",
                Hints = new V1EndpointHints { ForZones = [new V1ForZone { Name = "zone-1" }] },
            },
            new V1Endpoint { Addresses = ["10.0.0.3"], Conditions = new V1EndpointConditions { Ready = false } },
        ],
        Ports =
        [
            new Discoveryv1EndpointPort { Name = "http", Protocol = "TCP", Port = 8080, AppProtocol = "http" },
            new Discoveryv1EndpointPort { Name = "dns", Protocol = "UDP", Port = 53 },
        ],
    };

    public static V1EndpointSlice BareSlice() => new()
    {
        Metadata = new V1ObjectMeta { Name = "empty", NamespaceProperty = Namespace },
        AddressType = "FQDN",
    };
}
