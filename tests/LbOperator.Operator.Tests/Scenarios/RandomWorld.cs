using k8s;
using k8s.Models;
using LbOperator.Kubernetes.GatewayApi;

namespace LbOperator.Operator.Tests.Scenarios;

/// <summary>
/// A small cluster mutated at random from a seed, so every run is reproducible: Services, their
/// EndpointSlices (relabelled, emptied, not ready), Nodes changing zone and CPU, main and canary Ingresses
/// on shared host+paths, and weighted HTTPRoutes. Names are drawn from small pools so objects are
/// created, updated and deleted many times and routes often point at missing Services.
/// </summary>
internal sealed class RandomWorld(int seed)
{
    public const string Namespace = "shop";

    private static readonly string[] ServiceNames = ["web", "api", "cart", "auth", "search"];
    private static readonly string[] NodeNames = ["node-a1", "node-a2", "node-b1", "node-b2", "node-c1", "node-c2"];
    private static readonly string[] Hosts = ["shop.example.com", "api.example.com"];

    private readonly Random _random = new(seed);

    public WorldChange Next() => _random.Next(10) switch
    {
        0 or 1 => ServiceChange(),
        2 or 3 or 4 => SliceChange(),
        5 => NodeChange(),
        6 or 7 => IngressChange(),
        _ => RouteChange(),
    };

    /// <summary>The objects every run starts from: all nodes, all Services with one slice each.</summary>
    public IEnumerable<WorldChange> Initial()
    {
        foreach (var node in NodeNames)
        {
            yield return Apply<V1Node>(null, node, NewNode(node));
        }

        foreach (var service in ServiceNames)
        {
            yield return Apply<V1Service>(Namespace, service, NewService(service));
            yield return Apply<V1EndpointSlice>(Namespace, $"{service}-0", NewSlice($"{service}-0", service));
        }
    }

    private WorldChange ServiceChange()
    {
        var name = Pick(ServiceNames);
        return _random.Next(8) == 0 ? Delete<V1Service>(Namespace, name) : Apply<V1Service>(Namespace, name, NewService(name));
    }

    private WorldChange SliceChange()
    {
        var owner = Pick(ServiceNames);
        var name = $"{owner}-{_random.Next(2)}";
        if (_random.Next(8) == 0)
        {
            return Delete<V1EndpointSlice>(Namespace, name);
        }

        var label = _random.Next(10) == 0 ? Pick(ServiceNames) : owner;
        return Apply<V1EndpointSlice>(Namespace, name, NewSlice(name, label));
    }

    private WorldChange NodeChange()
    {
        var name = Pick(NodeNames);
        return _random.Next(6) == 0 ? Delete<V1Node>(null, name) : Apply<V1Node>(null, name, NewNode(name));
    }

    private WorldChange IngressChange()
    {
        var name = $"ing-{_random.Next(4)}";
        if (_random.Next(6) == 0)
        {
            return Delete<V1Ingress>(Namespace, name);
        }

        var annotations = new Dictionary<string, string>();
        if (_random.Next(2) == 0)
        {
            annotations["nginx.ingress.kubernetes.io/canary"] = "true";
            annotations["nginx.ingress.kubernetes.io/canary-weight"] = Pick(["0", "10", "50", "100", "150"]);
        }

        return Apply<V1Ingress>(Namespace, name, Fakes.ApiObjects.Ingress(Namespace, name, Pick(Hosts), "/", Pick(ServiceNames), annotations));
    }

    private WorldChange RouteChange()
    {
        var name = $"route-{_random.Next(3)}";
        if (_random.Next(6) == 0)
        {
            return Delete<HttpRoute>(Namespace, name);
        }

        var rules = Enumerable.Range(0, 1 + _random.Next(2)).Select(_ => new HttpRouteRule
        {
            BackendRefs = Enumerable.Range(0, 1 + _random.Next(3))
                .Select(_ => new HttpBackendRef { Name = Pick(ServiceNames), Port = 80, Weight = _random.Next(4) == 0 ? null : _random.Next(0, 10) })
                .ToList(),
        }).ToList();
        return Apply<HttpRoute>(Namespace, name, new HttpRoute
        {
            Metadata = new V1ObjectMeta { NamespaceProperty = Namespace, Name = name },
            Spec = new HttpRouteSpec { Rules = rules },
        });
    }

    private V1Service NewService(string name)
    {
        var service = Fakes.ApiObjects.Service(Namespace, name, Pick(["Cluster", "Local"]), Pick(["ClusterIP", "LoadBalancer", "NodePort"]));
        service.Spec.InternalTrafficPolicy = _random.Next(5) == 0 ? "Local" : null;
        service.Spec.TrafficDistribution = _random.Next(5) == 0 ? "PreferClose" : null;
        service.Spec.SessionAffinity = _random.Next(6) == 0 ? "ClientIP" : null;
        if (_random.Next(5) == 0)
        {
            service.Metadata.Annotations = new Dictionary<string, string> { ["service.kubernetes.io/topology-mode"] = "Auto" };
        }

        return service;
    }

    private V1EndpointSlice NewSlice(string name, string service)
    {
        var nodes = Enumerable.Range(0, _random.Next(5)).Select(_ => Pick(NodeNames)).ToArray();
        var slice = Fakes.ApiObjects.Slice(Namespace, name, service, nodes);
        var hinted = _random.Next(2) == 0;
        foreach (var endpoint in slice.Endpoints)
        {
            endpoint.Zone = "zone-" + endpoint.NodeName![5];
            endpoint.Conditions.Ready = _random.Next(5) == 0 ? false : true;
            if (hinted)
            {
                endpoint.Hints = new V1EndpointHints { ForZones = [new V1ForZone { Name = endpoint.Zone }] };
            }
        }

        return slice;
    }

    private V1Node NewNode(string name) => Fakes.ApiObjects.Node(name, Pick(["zone-a", "zone-b", "zone-c"]), Pick(["2", "4", "8"]));

    private string Pick(string[] values) => values[_random.Next(values.Length)];

    private static WorldChange Apply<T>(string? ns, string name, IKubernetesObject<V1ObjectMeta> item) => new(typeof(T), ns, name, item);

    private static WorldChange Delete<T>(string? ns, string name) => new(typeof(T), ns, name, null);
}
