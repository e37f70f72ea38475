using LbOperator.Core.Model;

namespace LbOperator.Core.Tests.Builders;

/// <summary>Small factories for core records with sensible defaults; tests change what matters with <c>with</c>.</summary>
internal static class Objects
{
    public const string Namespace = "shop";

    public static readonly IReadOnlyDictionary<string, string> NoAnnotations = new Dictionary<string, string>();

    public static ServiceInfo Service(string name, ServiceType type = ServiceType.ClusterIP, string ns = Namespace) =>
        new(ns, name, type, TrafficPolicy.Cluster, TrafficPolicy.Cluster, null, SessionAffinity.None, NoAnnotations);

    public static IReadOnlyDictionary<string, string> Annotations(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);

    public static EndpointInfo Endpoint(string id, string? node = null, string? zone = null, bool? ready = true, bool? serving = null, bool? terminating = null) =>
        new(id, node, zone, ready, serving, terminating, [], []);

    public static EndpointSliceInfo Slice(string service, string name, params EndpointInfo[] endpoints) =>
        new(Namespace, name, service, endpoints);

    public static NodeInfo Node(string name, string? zone = null, double cpu = 4, string? providerId = null) => new(name, zone, cpu, providerId);

    public static IngressInfo Ingress(string name, string host, string path, string service, string? className = null, IReadOnlyDictionary<string, string>? annotations = null) =>
        new(Namespace, name, className, annotations ?? NoAnnotations, [new IngressPathInfo(host, path, "Prefix", new IngressBackendInfo(service, "80", null, null))], null);

    public static HttpRouteInfo Route(string name, params HttpRouteRuleInfo[] rules) =>
        new(Namespace, name, NoAnnotations, rules);

    public static HttpRouteRuleInfo Rule(params (string Service, long? Weight)[] backends) =>
        new(null, backends.Select(b => new HttpBackendRefInfo(null, null, null, b.Service, 80, b.Weight)).ToArray());

    public static ObjectRef ServiceRef(string name) => new(ObjectKind.Service, Namespace, name);

    public static ObjectRef IngressRef(string name) => new(ObjectKind.Ingress, Namespace, name);

    public static ObjectRef RouteRef(string name) => new(ObjectKind.HttpRoute, Namespace, name);
}
