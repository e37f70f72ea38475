using LbOperator.Core.Model;
using LbOperator.Kubernetes.GatewayApi;

namespace LbOperator.Kubernetes.Mapping;

/// <summary>Maps an HTTPRoute to its rules and their weighted backendRefs, as written.</summary>
public static class HttpRouteMapper
{
    public static HttpRouteInfo Map(HttpRoute route)
    {
        ArgumentNullException.ThrowIfNull(route);
        var rules = route.Spec?.Rules?.Select(MapRule).ToArray() ?? [];
        return new HttpRouteInfo(
            MetadataReader.NamespaceOf(route.Metadata),
            route.Metadata?.Name ?? "",
            MetadataReader.AnnotationsOf(route.Metadata),
            rules);
    }

    private static HttpRouteRuleInfo MapRule(HttpRouteRule rule) =>
        new(rule.Name, rule.BackendRefs?.Select(MapBackendRef).ToArray() ?? []);

    private static HttpBackendRefInfo MapBackendRef(HttpBackendRef backendRef) =>
        new(backendRef.Group, backendRef.Kind, backendRef.Namespace, backendRef.Name, backendRef.Port, backendRef.Weight);
}
