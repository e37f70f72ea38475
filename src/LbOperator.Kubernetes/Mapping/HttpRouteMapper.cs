using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;

namespace LbOperator.Kubernetes.Mapping;

/// <summary>Maps an HTTPRoute or a GRPCRoute to its parentRefs, rules and their weighted backendRefs, as written.</summary>
public static class HttpRouteMapper
{
    public static HttpRouteInfo Map(HttpRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return Map(route.Metadata, route.Spec, ObjectKind.HttpRoute);
    }

    public static HttpRouteInfo Map(GrpcRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        return Map(route.Metadata, route.Spec, ObjectKind.GrpcRoute);
    }

    private static HttpRouteInfo Map(k8s.Models.V1ObjectMeta? metadata, HttpRouteSpec? spec, ObjectKind kind) =>
        new(
            MetadataReader.NamespaceOf(metadata),
            metadata?.Name ?? "",
            MetadataReader.AnnotationsOf(metadata),
            spec?.Rules?.Select(MapRule).ToArray() ?? [],
            spec?.ParentRefs?.Select(p => new RouteParentInfo(p.Group, p.Kind, p.Namespace, p.Name)).ToArray() ?? [],
            kind);

    private static HttpRouteRuleInfo MapRule(HttpRouteRule rule) =>
        new(rule.Name, rule.BackendRefs?.Select(MapBackendRef).ToArray() ?? []);

    private static HttpBackendRefInfo MapBackendRef(HttpBackendRef backendRef) =>
        new(backendRef.Group, backendRef.Kind, backendRef.Namespace, backendRef.Name, backendRef.Port, backendRef.Weight);
}
